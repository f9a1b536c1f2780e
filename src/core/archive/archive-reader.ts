import type { Store } from '../../store/store.js';
import type { Locale, Room } from '../types.js';
import type { ArchiveMessage, ConversationSummary } from './archive-types.js';
import { CONVERSATION_PAGE_SIZE, conversationPages, dayOf, type ConversationItem, type ConversationView, type DayView, type RoomIndexView, type RoomView } from './archive-views.js';
import { ArchivePrivacy, type PrivacySettings } from './archive-privacy.js';
import { conversationTitle, describe } from './conversation-title.js';
import type { DisplayNames } from './display-names.js';

export interface ArchiveSettings extends PrivacySettings {
  timeZone: string;
  /** Language of pages that belong to no room (home, search across rooms). */
  defaultLocale: Locale;
  /** Absolute address of the archive (https://host/archive), for feeds, sitemaps and issue links. */
  baseUrl?: string;
  /** How long a room's conversation list and names are reused (live server); 0 reads every time. */
  cacheMs?: number;
}

interface RoomData {
  at: number;
  summaries: ConversationSummary[];
  byNumber: Map<number, ConversationSummary>;
  byKey: Map<string, ConversationSummary>;
  names: DisplayNames;
}

const LATEST = 30;

/** The public archive's pages as data, read from the store: only public rooms, only publishable messages. */
export class ArchiveReader {
  private readonly cache = new Map<number, RoomData>();
  private readonly loading = new Map<number, Promise<RoomData>>();
  /** Every rule of what a public page may show: the archive and the report share it. */
  readonly privacy: ArchivePrivacy;

  constructor(private readonly store: Store, readonly settings: ArchiveSettings) {
    this.privacy = new ArchivePrivacy(store, settings);
  }

  view(room: Room): RoomView {
    return { id: room.id, name: this.privacy.roomName(room), locale: this.settings.localeOf(room) };
  }

  async rooms(): Promise<RoomView[]> {
    return (await this.store.archive.publicRooms()).map((room) => this.view(room));
  }

  /** A public room by its number, topic or platform id; undefined for any other room. */
  findRoom(ref: string): Promise<Room | undefined> {
    return this.privacy.publicRoom(ref);
  }

  async names(room: Room): Promise<DisplayNames> {
    return (await this.data(room)).names;
  }

  async summaries(room: Room): Promise<ConversationSummary[]> {
    return (await this.data(room)).summaries;
  }

  /** The conversation a message of the room belongs to, by its key; undefined when it is not published. */
  async conversationByKey(room: Room, key: string): Promise<ConversationSummary | undefined> {
    return (await this.data(room)).byKey.get(key);
  }

  /**
   * A room's conversations and names, reused for `cacheMs`. Past that, and up to twice that, the
   * old copy is still served while a fresh one loads (reading 125,000 conversations takes ~1.7 s,
   * which one visitor every `cacheMs` would otherwise wait for); older than that, callers wait.
   * One load per room at a time; with no cache every call reads.
   */
  private async data(room: Room): Promise<RoomData> {
    const ttl = this.settings.cacheMs ?? 0;
    if (ttl <= 0) return this.load(room);
    const hit = this.cache.get(room.id);
    const age = hit ? Date.now() - hit.at : Infinity;
    if (hit && age < ttl) return hit;
    let load = this.loading.get(room.id);
    if (!load) {
      load = this.load(room).finally(() => this.loading.delete(room.id));
      this.loading.set(room.id, load);
    }
    if (hit && age < 2 * ttl) {
      load.catch(() => undefined);
      return hit;
    }
    return load;
  }

  private async load(room: Room): Promise<RoomData> {
    const [summaries, names] = await Promise.all([this.store.archive.conversations(room.id), this.privacy.names(room)]);
    const data = { at: Date.now(), summaries, byNumber: new Map(summaries.map((s) => [s.rootId, s])), byKey: new Map(summaries.map((s) => [s.key, s])), names };
    this.cache.set(room.id, data);
    return data;
  }

  /** List entries for conversations, titled by their first publishable message. */
  async items(room: Room, summaries: readonly ConversationSummary[]): Promise<ConversationItem[]> {
    const { names } = await this.data(room);
    const locale = this.settings.localeOf(room);
    const first = new Map((await this.store.archive.messagesById(summaries.map((s) => s.firstVisibleId))).map((m) => [m.id, m]));
    return summaries.map((summary) => {
      const message = first.get(summary.firstVisibleId);
      const text = message ? this.privacy.text(message.kind, message.text, names, locale) : '';
      return {
        number: summary.rootId,
        title: conversationTitle([text], `#${summary.rootId}`),
        description: describe([text]),
        day: dayOf(summary.firstTs, this.settings.timeZone),
        startedAt: summary.firstTs,
        lastAt: summary.lastTs,
        count: summary.count,
      };
    });
  }

  async roomIndex(room: Room): Promise<RoomIndexView> {
    const { summaries } = await this.data(room);
    const days = new Map<string, { conversations: number; messages: number }>();
    for (const summary of summaries) {
      const day = dayOf(summary.firstTs, this.settings.timeZone);
      const entry = days.get(day) ?? { conversations: 0, messages: 0 };
      entry.conversations++;
      entry.messages += summary.count;
      days.set(day, entry);
    }
    const latest = await this.items(room, summaries.slice(-LATEST).reverse());
    const dayList = [...days].map(([day, counts]) => ({ day, ...counts })).sort((a, b) => b.day.localeCompare(a.day));
    return { room: this.view(room), days: dayList, latest };
  }

  async day(room: Room, day: string): Promise<DayView | undefined> {
    const { summaries } = await this.data(room);
    const days = [...new Set(summaries.map((s) => dayOf(s.firstTs, this.settings.timeZone)))].sort();
    const at = days.indexOf(day);
    if (at < 0) return undefined;
    const conversations = await this.items(room, summaries.filter((s) => dayOf(s.firstTs, this.settings.timeZone) === day));
    return { room: this.view(room), day, conversations, ...(at > 0 ? { previous: days[at - 1] } : {}), ...(at < days.length - 1 ? { next: days[at + 1] } : {}) };
  }

  /** One page of a conversation (CONVERSATION_PAGE_SIZE messages); undefined past its last page. */
  async conversation(room: Room, number: number, page = 1): Promise<ConversationView | undefined> {
    const summary = (await this.data(room)).byNumber.get(number);
    if (!summary || !Number.isSafeInteger(page) || page < 1 || page > conversationPages(summary.count)) return undefined;
    const range = { offset: (page - 1) * CONVERSATION_PAGE_SIZE, limit: CONVERSATION_PAGE_SIZE };
    const messages = await this.store.archive.conversation(room.id, summary.key, range);
    if (messages.length === 0) return undefined;
    const issues = (await this.store.archive.issues(room.id)).filter((issue) => issue.conversationKey === summary.key);
    return this.conversationView(room, summary, messages, issues, page);
  }

  /** A page of one conversation from its publishable messages (oldest first): page 1 holds the first ones. */
  async conversationView(room: Room, summary: ConversationSummary, messages: readonly ArchiveMessage[], issues: ConversationView['issues'], page = 1): Promise<ConversationView> {
    const number = summary.rootId;
    const { names } = await this.data(room);
    const locale = this.settings.localeOf(room);
    const ids = new Map(messages.map((m) => [m.platformMsgId, m.id]));
    const views = messages.map((m) => {
      const answers = ids.get(m.replyTo ?? m.threadParent ?? '');
      return { id: m.id, author: names.of(m.senderId), text: clip(this.privacy.text(m.kind, m.text, names, locale)), ts: m.ts, edited: m.editedAt !== null, ...(answers !== undefined && answers !== m.id ? { answers } : {}) };
    });
    const texts = views.map((v) => v.text);
    // Later pages keep the conversation's title: the one its first message gives.
    const title = page === 1 ? conversationTitle(texts.slice(0, 1), `#${number}`) : ((await this.items(room, [summary]))[0]?.title ?? `#${number}`);
    return {
      room: this.view(room),
      number,
      page,
      pages: conversationPages(summary.count),
      title,
      description: describe(texts),
      day: dayOf(summary.firstTs, this.settings.timeZone),
      startedAt: summary.firstTs,
      lastAt: summary.lastTs,
      messages: views,
      issues,
    };
  }
}

const MAX_MESSAGE_CHARS = 20_000;

/** One message's text on a page, at most MAX_MESSAGE_CHARS characters (a 1 MB paste stays out of every page). */
function clip(text: string): string {
  return text.length <= MAX_MESSAGE_CHARS ? text : `${text.slice(0, MAX_MESSAGE_CHARS).replace(/[\ud800-\udbff]$/, '')}…`;
}
