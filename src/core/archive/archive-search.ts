import type { Store } from '../../store/store.js';
import type { Room } from '../types.js';
import type { ArchiveReader } from './archive-reader.js';
import { conversationTitle } from './conversation-title.js';
import type { SearchResultView, SearchView } from './archive-views.js';

export const PAGE_SIZE = 20;
const SYNC_EVERY_MS = 2000;

/** Text around the first of `terms` found, at most `max` characters. */
export function snippetAround(text: string, terms: readonly string[], max = 140): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const lower = text.toLowerCase();
  const found = terms.map((t) => lower.indexOf(t.toLowerCase())).filter((i) => i >= 0);
  const at = found.length ? [...text.slice(0, Math.min(...found))].length : 0;
  const start = Math.max(0, Math.min(at - Math.floor(max / 3), chars.length - max));
  return `${start > 0 ? '…' : ''}${chars.slice(start, start + max).join('')}${start + max < chars.length ? '…' : ''}`;
}

/** Live search over the public archive: sync the index (at most every two seconds), query it, build results. */
export class ArchiveSearch {
  private syncedAt = 0;

  constructor(private readonly store: Store, private readonly reader: ArchiveReader) {}

  async search(text: string, options: { room?: Room; page?: number } = {}): Promise<SearchView> {
    const page = Math.max(1, Math.min(options.page ?? 1, 50));
    const locale = options.room ? this.reader.settings.localeOf(options.room) : this.reader.settings.defaultLocale;
    const base: SearchView = { query: text, locale, results: [], page, more: false, ...(options.room ? { room: this.reader.view(options.room) } : {}) };
    if (!text.trim()) return base;
    if (Date.now() - this.syncedAt > SYNC_EVERY_MS) {
      await this.store.search.sync();
      this.syncedAt = Date.now();
    }
    const found = await this.store.search.search({ text: text.slice(0, 200), ...(options.room ? { roomId: options.room.id } : {}), limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
    const messages = new Map((await this.store.archive.messagesById(found.hits.map((h) => h.messageId))).map((m) => [m.id, m]));
    const rooms = new Map((await this.store.archive.publicRooms()).map((r) => [r.id, r]));
    const results: SearchResultView[] = [];
    for (const hit of found.hits) {
      const message = messages.get(hit.messageId);
      const room = rooms.get(hit.roomId);
      if (!message || !room) continue;
      const summary = await this.reader.conversationByKey(room, message.conversationKey);
      if (!summary) continue;
      const names = await this.reader.names(room);
      const roomLocale = this.reader.settings.localeOf(room);
      const [item] = await this.reader.items(room, [summary]);
      const body = this.reader.privacy.text(message.kind, message.text, names, roomLocale);
      results.push({
        room: this.reader.view(room),
        conversation: summary.rootId,
        title: item?.title ?? conversationTitle([body], `#${summary.rootId}`),
        author: names.of(message.senderId),
        ts: message.ts,
        snippet: snippetAround(body, found.terms),
        terms: found.terms,
      });
    }
    return { ...base, results, more: found.more };
  }
}
