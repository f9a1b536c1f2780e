import { writeFileSync } from 'node:fs';
import type { AnalyticsReport } from '../core/analytics/analytics-report.js';
import { faqCandidatesYaml } from '../core/analytics/faq-candidates.js';
import { parsePeriod } from '../core/analytics/period.js';
import { analyzeRoom } from '../core/analytics/room-messages.js';
import { ZoneClock } from '../core/analytics/zone-clock.js';
import type { Room } from '../core/types.js';
import { servicesFromConfig } from '../config/to-services.js';
import { createJiebaSegmenter } from '../search/jieba-segmenter.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { VERSION } from '../version.js';
import { renderReportPage } from '../web/views/report-page.js';
import { configOrExit } from './shared.js';

export interface AnalyzeOptions {
  room?: string;
  since?: string;
  until?: string;
  tz?: string;
  json?: boolean;
  html?: string;
  faqCandidates?: string;
  unansweredAfter: string;
  config?: string;
}

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function checkedZone(zone: string): ZoneClock {
  try {
    return new ZoneClock(zone);
  } catch {
    return fail(`--tz ${zone}: expected an IANA time zone such as Asia/Shanghai or UTC`);
  }
}

/** The room by topic or id; without --room, the only group room there is. */
async function findRoom(store: Store, name: string | undefined): Promise<Room> {
  if (name !== undefined) return (await store.rooms.findByName(name)) ?? fail(`no room named "${name}": give its topic or id`, 1);
  const groups = (await store.rooms.list()).filter((room) => room.kind === 'group');
  if (groups.length === 1) return groups[0]!;
  if (groups.length === 0) return fail('no group room has any message yet: record or import some first (osschat import FILE)', 1);
  return fail(`several rooms: choose one with --room NAME (${groups.map((room) => room.topic ?? room.externalId).join(', ')})`);
}

export async function analyzeCommand(options: AnalyzeOptions): Promise<void> {
  if (options.json && options.html) fail('--json and --html FILE exclude each other: choose one');
  const hours = Number(options.unansweredAfter);
  if (!(hours > 0)) fail(`--unanswered-after ${options.unansweredAfter}: expected a positive number of hours`);
  const config = configOrExit(options.config);
  const clock = checkedZone(options.tz ?? config.issues.timeZone);
  const period = parsePeriod(options.since, options.until, clock);
  if (!period.ok) fail(period.error);
  const store = await openStore(config.database.url);
  try {
    const room = await findRoom(store, options.room);
    const settings = servicesFromConfig(config, VERSION).roomSettings(room);
    const report = await analyzeRoom(store, { ...room, repo: room.repo ?? settings.repo ?? null }, {
      clock, period: period.period, segmenter: createJiebaSegmenter(), unansweredAfterMs: hours * 3_600_000,
    });
    const locale = settings.locale ?? room.locale ?? config.locale;
    if (options.faqCandidates) writeFileSync(options.faqCandidates, faqCandidatesYaml(report.questions.clusters, locale));
    if (options.html) writeFileSync(options.html, renderReportPage(report, locale));
    if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else process.stdout.write(summary(report, options));
  } finally {
    await store.close();
  }
}

/** A few lines for a terminal: what the report holds and where the files went. */
function summary(report: AnalyticsReport, options: AnalyzeOptions): string {
  const { totals, questions, period } = report;
  const span = `${report.days[0]?.date ?? '—'} … ${report.days.at(-1)?.date ?? '—'}, ${period.timeZone}`;
  const median = questions.medianFirstResponseMinutes === null ? 'no replies' : `median first reply ${questions.medianFirstResponseMinutes} min`;
  const lines = [
    `${report.room.name}: ${totals.messages} messages from ${totals.members} members (${totals.newcomers} new) on ${totals.days} days (${span})`,
    `top members: ${report.members.slice(0, 5).map((m) => `${m.name} ${m.messages}`).join(', ') || '—'}`,
    `keywords: ${report.keywords.slice(0, 10).map((k) => k.term).join(', ') || '—'}`,
    `questions: ${questions.total}, answered ${questions.answered}, unanswered ${questions.unansweredTotal}; ${median}`,
    `FAQ candidates: ${questions.clusters.length}${options.faqCandidates ? ` → ${options.faqCandidates}` : ' (write them with --faq-candidates FILE)'}`,
  ];
  if (options.html) lines.push(`report: ${options.html}`);
  return `${lines.join('\n')}\n`;
}

