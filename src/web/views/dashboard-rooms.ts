import { html } from 'hono/html';
import type { Subscription } from '../../core/notify/subscription.js';
import type { BindCode, TenantRoom } from '../../core/tenants/tenant.js';
import { csrfField, dashboardPage, type Html, type PageFrame } from './dashboard-layout.js';
import { fill } from './dashboard-labels.js';

export interface RoomsView {
  rooms: { room: TenantRoom; subscriptions: (Subscription & { description: string })[] }[];
  codes: BindCode[];
  admins: string[];
}

const time = (date: Date) => date.toISOString().replace('T', ' ').slice(0, 16);

function post(frame: PageFrame, action: string, fields: Html, button: string, plain = false): Html {
  return html`<form class="inline" method="post" action="${action}">${csrfField(frame.csrf)}${fields}<button ${plain ? html`class="plain"` : ''}>${button}</button></form>`;
}

function subscriptionList(frame: PageFrame, room: TenantRoom, subs: RoomsView['rooms'][number]['subscriptions']): Html {
  const items = subs.map(
    (sub) => html`<li>${sub.description} ${post(frame, `/dashboard/rooms/${room.id}/unsubscribe`, html`<input type="hidden" name="repo" value="${sub.repo}">`, frame.l.unsubscribe, true)}</li>`,
  );
  const add = post(frame, `/dashboard/rooms/${room.id}/subscriptions`, html`<input name="spec" required placeholder="${frame.l.subscribeHint}" aria-label="${frame.l.subscribe}">`, frame.l.subscribe);
  return html`<ul>${items}</ul>${add}`;
}

function roomSection(frame: PageFrame, entry: RoomsView['rooms'][number]): Html {
  const { l } = frame;
  const { room } = entry;
  const name = room.topic ?? room.externalId;
  const archive = room.archivePublic
    ? html`${l.public} ${post(frame, `/dashboard/rooms/${room.id}/archive`, html`<input type="hidden" name="public" value="0">`, l.makePrivate, true)} <a href="/report/${encodeURIComponent(name)}">${l.report}</a>`
    : html`${l.private} ${room.archiveOptIn ? post(frame, `/dashboard/rooms/${room.id}/archive`, html`<input type="hidden" name="public" value="1">`, l.makePublic, true) : ''}`;
  // Only the room itself can opt in: say what to send there instead of offering a switch that cannot work.
  const optIn = room.archiveOptIn ? html` (${l.optedIn})` : html`<br><small data-opt-in="no">${l.notOptedIn}</small>`;
  return html`<section data-room="${room.id}"><h2>${name}</h2>
<p>${l.repo}: ${post(frame, `/dashboard/rooms/${room.id}/repo`, html`<input name="repo" value="${room.repo ?? ''}" placeholder="owner/repo" aria-label="${l.repo}">`, l.save)}</p>
<p>${l.archive}: ${archive}${optIn}</p>
<div>${l.subscriptions}: ${subscriptionList(frame, room, entry.subscriptions)}</div>
<p>${post(frame, `/dashboard/rooms/${room.id}/release`, html``, l.release, true)}</p></section>`;
}

/** The tenant's rooms with their binding, subscriptions and archive switch; and the bind-code form. */
export function roomsPage(frame: PageFrame, view: RoomsView): Html {
  const { l } = frame;
  const codes = view.codes.length
    ? html`<h2>${l.openCodes}</h2><ul>${view.codes.map((code) => html`<li><code>${code.code}</code> → ${code.repo} (${l.expires} ${time(code.expiresAt)} UTC)</li>`)}</ul>`
    : '';
  return dashboardPage(frame, l.rooms, html`
${view.rooms.length ? view.rooms.map((entry) => roomSection(frame, entry)) : html`<section><p>${l.noRooms}</p></section>`}
<section><h2>${l.newBinding}</h2><form method="post" action="/dashboard/bindings" class="row">${csrfField(frame.csrf)}
<label>${l.bindRepo}<br><input name="repo" required placeholder="owner/repo" pattern="[A-Za-z0-9-]+/[A-Za-z0-9._-]+"></label><button>${l.createCode}</button></form>${codes}</section>
${adminsSection(frame, view.admins)}`);
}

function adminsSection(frame: PageFrame, admins: string[]): Html {
  const { l } = frame;
  const items = admins.map(
    (login) => html`<li>${login} ${login === frame.tenant.login ? '' : post(frame, '/dashboard/members/remove', html`<input type="hidden" name="login" value="${login}">`, l.remove, true)}</li>`,
  );
  return html`<section><h2>${l.admins}</h2><ul>${items}</ul>
${post(frame, '/dashboard/members', html`<input name="login" required pattern="[A-Za-z0-9-]{1,39}" aria-label="${l.addAdmin}" placeholder="${l.addAdmin}"> `, l.add)}</section>`;
}

/** The flash that hands out a fresh code, with the exact sentence to say in the group. */
export function codeFlash(frame: PageFrame, code: BindCode): string {
  return `${fill(frame.l.codeSay, { expires: `${time(code.expiresAt)} UTC` })} 绑定 ${code.code} · /bind ${code.code}`;
}
