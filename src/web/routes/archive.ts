import { Hono, type Context } from 'hono';
import type { Room } from '../../core/types.js';
import { conversationUrls, renderAtomFeed, renderRobots, renderSitemap } from '../views/archive-feed.js';
import type { PageContext } from '../views/archive-layout.js';
import { paths, renderConversation, renderDay, renderHome, renderRoom } from '../views/archive-pages.js';
import { renderSearchPage } from '../views/archive-search-page.js';
import type { ArchiveSource } from './archive-source.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CACHE = 'public, max-age=60';

/** The archive pages live under /archive/: every link is relative, the same as in the static site. */
export function archiveRoutes(source: ArchiveSource, options: { reports?: boolean } = {}): Hono {
  const { reader } = source;
  // Absolute addresses come from the configuration only: the Host header is the visitor's to forge.
  const base = reader.settings.baseUrl;
  const ctx = (depth: number): PageContext => ({
    root: '../'.repeat(depth), ...(base ? { baseUrl: base } : {}), timeZone: reader.settings.timeZone, static: false, reports: options.reports ?? false,
  });
  const html = (c: Context, body: string) => {
    c.header('Cache-Control', CACHE);
    return c.html(body);
  };
  const notFound = (c: Context) => c.text('no such public page\n', 404);
  const room = async (c: Context): Promise<Room | undefined> => {
    await source.applyConfiguredRooms();
    return reader.findRoom(c.req.param('room') ?? '');
  };

  const app = new Hono();
  app.get('/robots.txt', (c) => c.text(renderRobots(base ? `${base}/sitemap.xml` : undefined, true)));
  app.get('/archive', (c) => c.redirect('/archive/', 301));
  app.get('/archive/', async (c) => {
    await source.applyConfiguredRooms();
    return html(c, renderHome(ctx(0), await reader.rooms(), reader.settings.defaultLocale));
  });
  const search = async (c: Context) => {
    const q = (c.req.query('q') ?? '').slice(0, 200);
    const roomParam = c.req.query('room');
    const inRoom = roomParam ? await reader.findRoom(roomParam) : undefined;
    const page = Number.parseInt(c.req.query('page') ?? '1', 10) || 1;
    const view = await source.search.search(q, { ...(inRoom ? { room: inRoom } : {}), page });
    c.header('X-Robots-Tag', 'noindex');
    return c.html(renderSearchPage(ctx(1), view));
  };
  app.get('/archive/search', (c) => c.redirect(`/archive/search/${new URL(c.req.url).search}`, 301));
  app.get('/archive/search/', search);
  // A sitemap and a feed need absolute addresses: without a configured one there are none.
  app.get('/archive/sitemap.xml', async (c) => {
    if (!base) return notFound(c);
    const urls: { loc: string; lastmod?: Date }[] = [{ loc: `${base}/` }];
    for (const r of await reader.rooms()) {
      const found = (await reader.findRoom(String(r.id)))!;
      const summaries = await reader.summaries(found);
      urls.push({ loc: `${base}/${paths.room(r.id)}` });
      for (const s of summaries) urls.push(...conversationUrls(base, r.id, s.rootId, s.count, s.lastTs));
    }
    c.header('Content-Type', 'application/xml; charset=utf-8');
    return c.body(renderSitemap(urls));
  });
  app.get('/archive/:room', async (c) => {
    const found = await room(c);
    return found ? c.redirect(`/archive/${paths.room(found.id)}`, 301) : notFound(c);
  });
  app.get('/archive/:room/', async (c) => {
    const found = await room(c);
    if (!found) return notFound(c);
    if (c.req.param('room') !== String(found.id)) return c.redirect(`/archive/${paths.room(found.id)}`, 301);
    return html(c, renderRoom(ctx(1), await reader.roomIndex(found)));
  });
  app.get('/archive/:room/feed.atom', async (c) => {
    const found = base ? await room(c) : undefined;
    if (!found || !base) return notFound(c);
    const index = await reader.roomIndex(found);
    c.header('Content-Type', 'application/atom+xml; charset=utf-8');
    return c.body(renderAtomFeed(base, index.room, index.latest));
  });
  // Long conversations come in pages: /c/N/ is page 1 (as before pages existed), /c/N/page/P/ the others.
  const conversation = async (c: Context) => {
    const found = await room(c);
    const number = Number(c.req.param('n'));
    const page = c.req.param('p') === undefined ? 1 : Number(c.req.param('p'));
    const view = found && Number.isSafeInteger(number) && Number.isSafeInteger(page) ? await reader.conversation(found, number, page) : undefined;
    if (!view) return notFound(c);
    const path = paths.conversationPage(view.room.id, number, page);
    if (!c.req.path.endsWith('/') || (page === 1 && c.req.param('p') !== undefined)) return c.redirect(`/archive/${path}`, 301);
    return html(c, renderConversation(ctx(path.split('/').length - 1), view));
  };
  app.get('/archive/:room/c/:n', conversation);
  app.get('/archive/:room/c/:n/', conversation);
  app.get('/archive/:room/c/:n/page/:p', conversation);
  app.get('/archive/:room/c/:n/page/:p/', conversation);
  const day = async (c: Context) => {
    const found = await room(c);
    const name = c.req.param('day') ?? '';
    const view = found && DAY.test(name) ? await reader.day(found, name) : undefined;
    if (!view) return notFound(c);
    if (!c.req.path.endsWith('/')) return c.redirect(`/archive/${paths.day(view.room.id, name)}`, 301);
    return html(c, renderDay(ctx(2), view));
  };
  app.get('/archive/:room/:day', day);
  app.get('/archive/:room/:day/', day);
  return app;
}
