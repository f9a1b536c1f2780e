import { html } from 'hono/html';
import type { OutboxJob, OutboxStatus } from '../../store/store.js';
import type { TenantDelivery } from '../../store/repositories/tenant.repository.js';
import { csrfField, dashboardPage, type Html, type PageFrame } from './dashboard-layout.js';

export interface HealthView {
  counts: Record<OutboxStatus, number>;
  failed: OutboxJob[];
  deliveries: TenantDelivery[];
  roomNames: Map<number, string>;
}

const time = (date: Date) => date.toISOString().replace('T', ' ').slice(0, 19);

/** Where a failed job's retry button posts. */
export type RetryPath = (jobId: number) => string;

const tenantRetry: RetryPath = (jobId) => `/dashboard/jobs/${jobId}/retry`;

function failedRow(frame: PageFrame, job: OutboxJob, room: string, retry: RetryPath): Html {
  return html`<tr data-job="${job.id}"><td>#${job.id}</td><td>${job.kind}</td><td class="wide">${room}</td><td>${job.attempts}</td>
<td class="err">${job.lastError ?? ''}</td><td><form method="post" action="${retry(job.id)}">${csrfField(frame.csrf)}<button>${frame.l.retry}</button></form></td></tr>`;
}

/** Queue depth, failed jobs with their errors and a retry button, recent webhook deliveries: all of the tenant's rooms. */
export function healthPage(frame: PageFrame, view: HealthView): Html {
  return dashboardPage(frame, frame.l.health, healthSections(frame, view, tenantRetry));
}

/** The health page's sections, for any set of rooms. */
export function healthSections(frame: PageFrame, view: HealthView, retry: RetryPath): Html {
  const { l } = frame;
  const { counts } = view;
  const failed = view.failed.length
    ? html`<table><thead><tr><th>#</th><th>${l.kind}</th><th class="wide">${l.room}</th><th>${l.attempts}</th><th>${l.error}</th><th></th></tr></thead>
<tbody>${view.failed.map((job) => failedRow(frame, job, view.roomNames.get(job.roomId ?? -1) ?? '', retry))}</tbody></table>`
    : html`<p>${l.noFailed}</p>`;
  const deliveries = view.deliveries.length
    ? html`<table><thead><tr><th>${l.event}</th><th>ID</th><th>${l.received}</th></tr></thead>
<tbody>${view.deliveries.map((d) => html`<tr><td>${d.event}</td><td><code>${d.deliveryId}</code></td><td>${time(d.receivedAt)}</td></tr>`)}</tbody></table>`
    : html`<p>${l.noDeliveries}</p>`;
  return html`
<section><h2>${l.queue}</h2><p data-queue="${counts.pending + counts.running}">${l.pending} ${counts.pending} · ${l.running} ${counts.running} · ${l.done} ${counts.done} · ${l.failed} ${counts.failed}</p></section>
<section><h2>${l.failedJobs}</h2>${failed}</section>
<section><h2>${l.deliveries}</h2>${deliveries}</section>`;
}
