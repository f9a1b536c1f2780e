import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ArchiveReader } from '../../core/archive/archive-reader.js';
import type { ArchiveIssue, ArchiveMessage } from '../../core/archive/archive-types.js';
import { CONVERSATION_PAGE_SIZE, type ConversationItem, type ConversationView, type DayCount } from '../../core/archive/archive-views.js';
import type { Room } from '../../core/types.js';
import type { Segmenter } from '../../search/segment.js';
import type { Store } from '../../store/store.js';
import { conversationUrls, escapeXml, renderAtomFeed, renderRobots, renderSitemap } from './archive-feed.js';
import type { PageContext } from './archive-layout.js';
import { paths, renderConversation, renderDay, renderHome, renderRoom } from './archive-pages.js';
import { renderStaticSearchPage } from './archive-search-page.js';
import { StaticRoomIndex } from './archive-static-index.js';

/** One file of the static site, by its path below the output folder. */
export interface SiteFile {
  path: string;
  content: string;
}

export interface SiteOptions {
  reader: ArchiveReader;
  store: Store;
  /** Segments the client-side index at build time (jieba). */
  segmenter: Segmenter;
}

const LATEST = 30;
const page = (path: string) => `${path}index.html`;
const depth = (path: string) => path.split('/').length - 1;

function context(options: SiteOptions, path: string): PageContext {
  const { baseUrl, timeZone } = options.reader.settings;
  return { root: '../'.repeat(depth(path)), ...(baseUrl ? { baseUrl } : {}), timeZone, static: true };
}

function itemOf(view: ConversationView, count: number): ConversationItem {
  return { number: view.number, title: view.title, description: view.description, day: view.day, startedAt: view.startedAt, lastAt: view.lastAt, count };
}

/** Every file of one public room: conversations (page by page), days, index, feed, sitemap and search index. */
export async function* roomSite(options: SiteOptions, room: Room): AsyncIterable<SiteFile> {
  const { reader, store } = options;
  const summaries = new Map((await reader.summaries(room)).map((s) => [s.key, s]));
  const issues = new Map<string, ArchiveIssue[]>();
  for (const issue of await store.archive.issues(room.id)) issues.set(issue.conversationKey, [...(issues.get(issue.conversationKey) ?? []), issue]);
  const index = new StaticRoomIndex(options.segmenter);
  const items: ConversationItem[] = [];
  let current: ArchiveMessage[] = [];
  let pageNumber = 1;
  // One page of the conversation being read: written once it holds a page's worth, or its conversation ends.
  const flush = async (): Promise<SiteFile | undefined> => {
    const messages = current;
    current = [];
    const summary = messages[0] && summaries.get(messages[0].conversationKey);
    if (summary === undefined) return undefined;
    const view = await reader.conversationView(room, summary, messages, issues.get(summary.key) ?? [], pageNumber++);
    if (view.page === 1) items.push(itemOf(view, summary.count));
    index.add(view);
    const path = paths.conversationPage(room.id, summary.rootId, view.page);
    return { path: page(path), content: renderConversation(context(options, path), view) };
  };
  for await (const batch of store.archive.streamRoom(room.id)) {
    for (const message of batch) {
      const next = current.length > 0 && current[0]!.conversationKey !== message.conversationKey;
      if (next || current.length >= CONVERSATION_PAGE_SIZE) {
        const file = await flush();
        if (file) yield file;
        if (next) pageNumber = 1;
      }
      current.push(message);
    }
  }
  const last = await flush();
  if (last) yield last;
  yield* roomIndexes(options, room, items.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime() || a.number - b.number));
  yield { path: `${room.id}/search-index.json`, content: index.toJSON() };
}

function* roomIndexes(options: SiteOptions, room: Room, items: ConversationItem[]): Iterable<SiteFile> {
  const view = options.reader.view(room);
  const byDay = new Map<string, ConversationItem[]>();
  for (const item of items) byDay.set(item.day, [...(byDay.get(item.day) ?? []), item]);
  const days = [...byDay.keys()].sort();
  for (const [at, day] of days.entries()) {
    const path = paths.day(room.id, day);
    const dayView = { room: view, day, conversations: byDay.get(day)!, ...(at > 0 ? { previous: days[at - 1] } : {}), ...(at < days.length - 1 ? { next: days[at + 1] } : {}) };
    yield { path: page(path), content: renderDay(context(options, path), dayView) };
  }
  const counts: DayCount[] = days.reverse().map((day) => ({ day, conversations: byDay.get(day)!.length, messages: byDay.get(day)!.reduce((n, i) => n + i.count, 0) }));
  const latest = items.slice(-LATEST).reverse();
  yield { path: page(paths.room(room.id)), content: renderRoom(context(options, paths.room(room.id)), { room: view, days: counts, latest }) };
  const base = options.reader.settings.baseUrl;
  if (!base) return;
  yield { path: paths.feed(room.id), content: renderAtomFeed(base, view, latest) };
  const urls = [{ loc: `${base}/${paths.room(room.id)}` }, ...days.map((day) => ({ loc: `${base}/${paths.day(room.id, day)}` })), ...items.flatMap((i) => conversationUrls(base, room.id, i.number, i.count, i.lastAt))];
  yield { path: `${room.id}/sitemap.xml`, content: renderSitemap(urls) };
}

// The package exports no path to its browser build: find it next to the CommonJS entry.
const MINISEARCH_JS = join(dirname(createRequire(import.meta.url).resolve('minisearch')), '..', 'umd', 'index.js');

/** The files that belong to no room: home, search page, script, robots.txt and the sitemap index. */
export async function* siteRoot(options: SiteOptions, rooms: readonly Room[]): AsyncIterable<SiteFile> {
  const views = rooms.map((room) => options.reader.view(room));
  const locale = options.reader.settings.defaultLocale;
  yield { path: 'index.html', content: renderHome(context(options, ''), views, locale) };
  yield { path: page('search/'), content: renderStaticSearchPage(context(options, 'search/'), views, locale) };
  yield { path: 'assets/minisearch.js', content: readFileSync(MINISEARCH_JS, 'utf8') };
  const base = options.reader.settings.baseUrl;
  yield { path: 'robots.txt', content: renderRobots(base ? `${base}/sitemap.xml` : undefined, false) };
  if (!base) return;
  const entries = views.map((room) => `<sitemap><loc>${escapeXml(`${base}/${room.id}/sitemap.xml`)}</loc></sitemap>`).join('\n');
  yield { path: 'sitemap.xml', content: `<?xml version="1.0" encoding="utf-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries}\n</sitemapindex>\n` };
}
