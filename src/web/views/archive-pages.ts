import type { ConversationItem, ConversationView, DayView, RoomIndexView, RoomView } from '../../core/archive/archive-views.js';
import type { Locale } from '../../core/types.js';
import { escapeHtml } from './escape-html.js';
import { formatTime, label } from './archive-labels.js';
import { renderShell, type PageContext } from './archive-layout.js';
import { conversationJsonLd } from './archive-json-ld.js';
import { messageHtml } from './archive-text.js';

const e = escapeHtml;

export const paths = {
  room: (room: number) => `${room}/`,
  day: (room: number, day: string) => `${room}/${day}/`,
  conversation: (room: number, number: number) => `${room}/c/${number}/`,
  /** Page 1 is the conversation's own address, so links made before pages existed stay valid. */
  conversationPage: (room: number, number: number, page: number) => (page <= 1 ? `${room}/c/${number}/` : `${room}/c/${number}/page/${page}/`),
  feed: (room: number) => `${room}/feed.atom`,
};

/** The room's feed, when the archive has an absolute address (no feed is written or served without one). */
function feedOf(ctx: PageContext, room: number): { feed?: string } {
  return ctx.baseUrl ? { feed: `${ctx.root}${paths.feed(room)}` } : {};
}

function items(ctx: PageContext, locale: Locale, room: number, list: readonly ConversationItem[]): string {
  const rows = list.map(
    (item) =>
      `<li><a href="${ctx.root}${paths.conversation(room, item.number)}">${e(item.title)}</a><div class="meta"><time datetime="${item.startedAt.toISOString()}">${e(formatTime(item.startedAt, ctx.timeZone))}</time> · ${e(label(locale, 'messages', { count: item.count }))}</div></li>`,
  );
  return `<ol class="list">${rows.join('')}</ol>`;
}

export function renderHome(ctx: PageContext, rooms: readonly RoomView[], locale: Locale): string {
  const list = rooms.map((room) => `<li><a href="${ctx.root}${paths.room(room.id)}" lang="${room.locale}">${e(room.name)}</a></li>`).join('');
  const body = `<h1>${e(label(locale, 'rooms'))}</h1>${rooms.length ? `<ol class="list">${list}</ol>` : `<p>${e(label(locale, 'noRooms'))}</p>`}`;
  return renderShell(ctx, { locale, title: label(locale, 'archive'), description: rooms.map((r) => r.name).join(' · ') || label(locale, 'archive'), path: '', body });
}

export function renderRoom(ctx: PageContext, view: RoomIndexView): string {
  const { room } = view;
  const days = view.days
    .map((d) => `<li><a href="${ctx.root}${paths.day(room.id, d.day)}">${d.day}</a> <span class="meta">${e(label(room.locale, 'conversations', { count: d.conversations }))}</span></li>`)
    .join('');
  const feed = feedOf(ctx, room.id).feed;
  // Only public rooms have archive pages, and the report shows exactly the public rooms: the link never leads to a 404.
  const report = ctx.reports ? `<p><a href="${ctx.root}../report/${room.id}">${e(label(room.locale, 'report'))}</a></p>` : '';
  const body = `<h1>${e(room.name)}</h1>${report}${feed ? `<p><a href="${feed}">${e(label(room.locale, 'feed'))}</a></p>` : ''}
<h2>${e(label(room.locale, 'latest'))}</h2>${items(ctx, room.locale, room.id, view.latest)}<h2>${e(label(room.locale, 'days'))}</h2><ol class="list">${days}</ol>`;
  const description = `${room.name} — ${view.latest.slice(0, 5).map((i) => i.title).join(' · ')}`;
  return renderShell(ctx, { locale: room.locale, title: `${room.name} · ${label(room.locale, 'archive')}`, description, path: paths.room(room.id), body, ...feedOf(ctx, room.id), roomId: room.id });
}

export function renderDay(ctx: PageContext, view: DayView): string {
  const { room } = view;
  const nav = [
    view.previous ? `<a href="${ctx.root}${paths.day(room.id, view.previous)}" rel="prev">← ${e(label(room.locale, 'earlier'))}</a>` : '',
    view.next ? `<a href="${ctx.root}${paths.day(room.id, view.next)}" rel="next">${e(label(room.locale, 'later'))} →</a>` : '',
  ].join(' ');
  const body = `<nav class="crumbs"><a href="${ctx.root}${paths.room(room.id)}">${e(room.name)}</a></nav><h1>${view.day}</h1>${items(ctx, room.locale, room.id, view.conversations)}<p>${nav}</p>`;
  const description = `${room.name} ${view.day}: ${view.conversations.slice(0, 5).map((i) => i.title).join(' · ')}`;
  return renderShell(ctx, { locale: room.locale, title: `${room.name} · ${view.day}`, description, path: paths.day(room.id, view.day), body, ...feedOf(ctx, room.id), roomId: room.id });
}

export function renderConversation(ctx: PageContext, view: ConversationView): string {
  const { room } = view;
  const messages = view.messages
    .map((m) => {
      const answers = m.answers === undefined ? '' : ` · <a href="#m${m.answers}">${e(label(room.locale, 'answers'))} ↑</a>`;
      const edited = m.edited ? ` · ${e(label(room.locale, 'edited'))}` : '';
      return `<article class="msg" id="m${m.id}"><div class="meta"><strong>${e(m.author)}</strong> · <time datetime="${m.ts.toISOString()}">${e(formatTime(m.ts, ctx.timeZone))}</time>${edited}${answers}</div><div class="text">${messageHtml(m.text)}</div></article>`;
    })
    .join('');
  const issues = view.issues.length
    ? `<h2>${e(label(room.locale, 'issues'))}</h2><ul>${view.issues.map((i) => `<li><a href="${e(/^https?:\/\//.test(i.url) ? i.url : '#')}" rel="nofollow noopener">${e(`${i.repo}#${i.number}`)}</a> ${e(i.title)}</li>`).join('')}</ul>`
    : '';
  const pager = conversationPager(ctx, view);
  const body = `<nav class="crumbs"><a href="${ctx.root}${paths.room(room.id)}">${e(room.name)}</a> › <a href="${ctx.root}${paths.day(room.id, view.day)}">${view.day}</a></nav><h1>${e(view.title)}</h1>${pager}${messages}${issues}${pager}`;
  const pageLabel = view.page > 1 ? ` (${label(room.locale, 'page', { page: view.page, pages: view.pages })})` : '';
  return renderShell(ctx, {
    locale: room.locale,
    title: `${view.title}${pageLabel} · ${room.name}`,
    description: view.description,
    path: paths.conversationPage(room.id, view.number, view.page),
    body,
    // The post and its first comments: the conversation's first page speaks for it.
    ...(view.page === 1 ? { jsonLd: conversationJsonLd(ctx, view) } : {}),
    ...feedOf(ctx, room.id),
    roomId: room.id,
  });
}

/** Previous and next page of a long conversation, and where this page is; nothing for a one-page conversation. */
function conversationPager(ctx: PageContext, view: ConversationView): string {
  if (view.pages <= 1) return '';
  const { room } = view;
  const link = (page: number, rel: 'prev' | 'next', text: string) => `<a href="${ctx.root}${paths.conversationPage(room.id, view.number, page)}" rel="${rel}">${text}</a>`;
  const previous = view.page > 1 ? link(view.page - 1, 'prev', `← ${e(label(room.locale, 'previous'))}`) : '';
  const next = view.page < view.pages ? link(view.page + 1, 'next', `${e(label(room.locale, 'next'))} →`) : '';
  return `<nav class="pages meta">${previous} ${e(label(room.locale, 'page', { page: view.page, pages: view.pages }))} ${next}</nav>`;
}
