import { html } from 'hono/html';
import type { TenantRoom } from '../../core/tenants/tenant.js';
import { healthSections, type HealthView } from './dashboard-health.js';
import { dashboardPage, type Html, type PageFrame } from './dashboard-layout.js';

export interface SelfHostedRoom {
  room: TenantRoom;
  /** The repository issues go to, and where it was bound. */
  repo?: { name: string; from: 'chat' | 'config' };
  /** Subscriptions made in chat or the dashboard, described in the page's language. */
  subscriptions: string[];
  /** `rooms[].subscribe` of osschat.yaml, as written there. */
  configuredSubscriptions: readonly string[];
}

export interface SelfHostedView {
  rooms: SelfHostedRoom[];
  /** Rooms osschat.yaml configures that the bot has not met (yet) among this installation's rooms. */
  unseen: string[];
  health: HealthView;
}

function roomRow(frame: PageFrame, entry: SelfHostedRoom): Html {
  const { l } = frame;
  const { room } = entry;
  const repo = entry.repo ? html`${entry.repo.name} <small>(${entry.repo.from === 'chat' ? l.boundInChat : l.boundInConfig})</small>` : html`<small>${l.unbound}</small>`;
  const subscriptions = [...entry.subscriptions.map((text) => html`<li>${text}</li>`), ...entry.configuredSubscriptions.map((spec) => html`<li>${spec} <small>(${l.boundInConfig})</small></li>`)];
  const archive = room.archivePublic ? html`${l.public} · <a href="/report/${room.id}">${l.report}</a>` : l.private;
  // Three columns fit a phone: the subscriptions sit under the repository, without a deep indent.
  const list = subscriptions.length ? html`<br>${l.subscriptions}:<ul style="margin:0;padding-left:1.1em">${subscriptions}</ul>` : '';
  return html`<tr data-room="${room.id}"><td style="min-width:5em">${room.topic ?? room.externalId}</td><td>${repo}${list}</td><td>${archive}</td></tr>`;
}

/** This installation's own rooms (bound in osschat.yaml or in chat) with their bindings, then their jobs and deliveries. */
export function selfHostedPage(frame: PageFrame, view: SelfHostedView): Html {
  const { l } = frame;
  const rooms = view.rooms.length
    ? html`<table><thead><tr><th>${l.room}</th><th>${l.repo}</th><th>${l.archive}</th></tr></thead>
<tbody>${view.rooms.map((entry) => roomRow(frame, entry))}</tbody></table>`
    : html`<p>${l.noSelfHostedRooms}</p>`;
  const unseen = view.unseen.length ? html`<p>${l.notSeenYet}</p><ul>${view.unseen.map((name) => html`<li data-unseen>${name}</li>`)}</ul>` : '';
  const retry = (jobId: number) => `/dashboard/self-hosted/jobs/${jobId}/retry`;
  return dashboardPage(frame, l.selfHosted, html`<section><h2>${l.rooms}</h2><p>${l.selfHostedIntro}</p>${rooms}${unseen}</section>${healthSections(frame, view.health, retry)}`);
}
