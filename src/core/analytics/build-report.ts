import type { AnalyticsReport } from './analytics-report.js';
import type { RoomAnalysis } from './room-analysis.js';
import { dayToDate } from './zone-clock.js';

const iso = (ts: number | undefined): string | null => (ts === undefined ? null : new Date(ts).toISOString());

/** The report of a finished pass, in the schema's field order. */
export function buildReport(analysis: RoomAnalysis): AnalyticsReport {
  const { settings, volume, members, questions, limits } = analysis;
  const active = members.active();
  const empty = volume.total === 0;
  const weeks = empty ? [] : volume.weekStarts();
  return {
    schemaVersion: 1,
    room: { id: settings.room.id, name: settings.room.name },
    period: { since: iso(settings.period.start), until: iso(settings.period.end), timeZone: settings.clock.timeZone, first: iso(analysis.first), last: iso(analysis.last) },
    totals: { messages: volume.total, members: active.length, newcomers: members.newcomers, questions: questions.total, days: volume.perDay.size },
    days: empty ? [] : volume.days(),
    weeks: weeks.map((week) => ({
      week: dayToDate(week),
      messages: volume.perWeek.get(week) ?? 0,
      members: members.activePerWeek.get(week) ?? 0,
      newcomers: members.newcomersPerWeek.get(week) ?? 0,
    })),
    heatmap: volume.heatmap,
    members: active.map(({ id, name, messages, firstDay }) => ({ id, name, messages, firstSeen: dayToDate(firstDay) })),
    helpers: questions.helpers().slice(0, limits.helpers).map(({ id, firstResponses }) => ({ id, name: members.nameOf(id), firstResponses })),
    keywords: analysis.keywords.keywords(limits.keywords),
    trending: analysis.keywords.trending(limits.trending),
    links: analysis.links.top(limits.links).map(({ key, count }) => ({ url: key, count })),
    repos: analysis.repos.top(limits.links).map(({ key, count }) => ({ repo: key, count })),
    issues: analysis.issues.top(limits.links).map(({ key, count }) => ({ ref: key, count })),
    questions: {
      total: questions.total,
      answered: questions.answered,
      unansweredTotal: questions.unansweredTotal,
      medianFirstResponseMinutes: questions.medianFirstResponseMinutes(),
      clusters: analysis.clusters.repeated(limits.clusters),
      unanswered: questions.unansweredList(),
    },
  };
}
