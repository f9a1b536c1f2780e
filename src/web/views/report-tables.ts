import type { AnalyticsReport } from '../../core/analytics/analytics-report.js';
import { fill } from '../../core/i18n/translate.js';
import { escapeHtml } from './escape-html.js';
import type { ReportLabels } from './report-labels.js';

type Cell = string | number;

/** A table of plain values: every cell is escaped here, so callers pass raw chat text. */
export function table(headers: string[], rows: Cell[][], none: string): string {
  if (rows.length === 0) return `<p class="none">${escapeHtml(none)}</p>`;
  const head = headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(String(cell))}</td>`).join('')}</tr>`).join('');
  return `<div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

export function section(title: string, content: string): string {
  return `<section><h2>${escapeHtml(title)}</h2>${content}</section>`;
}

const localTime = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));

/** The sections that are lists rather than charts: questions, people who answer, trends, links. */
export function listSections(report: AnalyticsReport, t: ReportLabels): string {
  const q = report.questions;
  const tz = report.period.timeZone;
  const clusters = q.clusters.map((c) => [c.count, c.examples.join(' / '), c.answer ?? '']);
  const unanswered = q.unanswered.map((u) => [localTime(u.ts, tz), u.name, u.text]);
  return [
    section(t.faqCandidates, table([t.count, t.examples, t.suggestedAnswer], clusters, t.none)),
    section(fill(t.unansweredTotal, { n: q.unansweredTotal }), table([t.time, t.asker, t.question], unanswered, t.none)),
    section(t.helpers, table([t.name, t.firstResponses], report.helpers.map((h) => [h.name, h.firstResponses]), t.none)),
    section(t.trending, table([t.term, t.count, t.previous], report.trending.map((k) => [k.term, k.count, k.previous]), t.none)),
    section(t.repos, table([t.repos, t.count], report.repos.map((r) => [r.repo, r.count]), t.none)),
    section(t.issues, table([t.issues, t.count], report.issues.map((r) => [r.ref, r.count]), t.none)),
    section(t.links, linkList(report.links, t.none)),
  ].join('\n');
}

/** Links are shown as text, not anchors: a report never sends a reader to a chat-supplied URL unasked. */
function linkList(links: AnalyticsReport['links'], none: string): string {
  if (links.length === 0) return `<p class="none">${escapeHtml(none)}</p>`;
  return `<ol class="links">${links.map((l) => `<li><code>${escapeHtml(l.url)}</code> × ${l.count}</li>`).join('')}</ol>`;
}
