import { conversationPages, type ConversationItem, type RoomView } from '../../core/archive/archive-views.js';
import { paths } from './archive-pages.js';

/** Text safe in XML elements and attributes (and without characters XML forbids). */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** The room's Atom feed: its newest conversations. `base` is the archive's absolute address. */
export function renderAtomFeed(base: string, room: RoomView, latest: readonly ConversationItem[]): string {
  const x = escapeXml;
  const updated = (latest[0]?.lastAt ?? new Date(0)).toISOString();
  const entries = latest
    .map((item) => {
      const url = `${base}/${paths.conversation(room.id, item.number)}`;
      return `<entry><title>${x(item.title)}</title><link href="${x(url)}"/><id>${x(url)}</id><published>${item.startedAt.toISOString()}</published><updated>${item.lastAt.toISOString()}</updated><summary>${x(item.description)}</summary></entry>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${room.locale}"><title>${x(room.name)}</title><link href="${x(`${base}/${paths.room(room.id)}`)}"/><link rel="self" href="${x(`${base}/${paths.feed(room.id)}`)}"/><id>${x(`${base}/${paths.room(room.id)}`)}</id><updated>${updated}</updated><generator>OSSChat</generator>
${entries}
</feed>
`;
}

/** A conversation's pages in a sitemap: its own address, then /page/2/ … */
export function conversationUrls(base: string, room: number, number: number, count: number, lastmod: Date): { loc: string; lastmod: Date }[] {
  return Array.from({ length: conversationPages(count) }, (_, i) => ({ loc: `${base}/${paths.conversationPage(room, number, i + 1)}`, lastmod }));
}

/** sitemap.xml: every public page, with the time it last changed. */
export function renderSitemap(urls: readonly { loc: string; lastmod?: Date }[]): string {
  const rows = urls.map((u) => `<url><loc>${escapeXml(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod.toISOString()}</lastmod>` : ''}</url>`).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${rows}
</urlset>
`;
}

/** robots.txt: the archive may be crawled; the bot's other endpoints not. */
export function renderRobots(sitemapUrl: string | undefined, live: boolean): string {
  const disallow = live ? 'Disallow: /webhooks/\nDisallow: /report/\nDisallow: /healthz\nDisallow: /archive/search\n' : 'Disallow: /search/\n';
  return `User-agent: *\n${disallow}Allow: /\n${sitemapUrl ? `Sitemap: ${sitemapUrl}\n` : ''}`;
}
