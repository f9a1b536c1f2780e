import { Hono } from 'hono';
import { ArchivePrivacy } from '../../core/archive/archive-privacy.js';
import { analyzePublicRoom } from '../../core/analytics/public-room-analysis.js';
import type { AnalyticsReport } from '../../core/analytics/analytics-report.js';
import type { Locale } from '../../core/types.js';
import type { Config } from '../../config/schema.js';
import { servicesFromConfig } from '../../config/to-services.js';
import { createJiebaSegmenter } from '../../search/jieba-segmenter.js';
import type { Store } from '../../store/store.js';
import { VERSION } from '../../version.js';
import { renderReportPage } from '../views/report-page.js';
import { reportLabels } from '../views/report-labels.js';
import { archiveSettings } from './archive-source.js';
import { BUSY, ComputeCache, type ComputeCacheOptions } from './report-cache.js';
import { readReportQuery } from './report-query.js';

/** The page, a mistake in the query (400), or "being prepared, come back in `retryAfter` seconds" (503). */
export type ReportPage = { html: string } | { error: string } | { busy: string; retryAfter: number } | undefined;

export interface ReportSource {
  /** The HTML report of a public room (by topic or id); undefined when no public room has that name. */
  page(room: string, query: Record<string, string | undefined>): Promise<ReportPage>;
}

/**
 * `GET /report/:room[?since=&until=&tz=]`: the report of a room that opted into the public archive; any other → 404.
 * ROOM is the room's number as in the archive's addresses (`/archive/12/` → `/report/12`), or its topic.
 */
export function reportRoutes(source: ReportSource): Hono {
  const app = new Hono();
  // The archive's addresses end in a slash: `/report/12/` is the same report.
  app.get('/report/:room/', (c) => c.redirect(`/report/${encodeURIComponent(c.req.param('room'))}${new URL(c.req.url).search}`, 301));
  return app.get('/report/:room', async (c) => {
    const page = await source.page(c.req.param('room'), c.req.query());
    if (!page) return c.text('no such public room\n', 404);
    if ('error' in page) return c.text(`${page.error}\n`, 400);
    if ('busy' in page) {
      c.header('Retry-After', String(page.retryAfter));
      c.header('Cache-Control', 'no-store');
      return c.text(`${page.busy}\n`, 503);
    }
    c.header('Cache-Control', 'public, max-age=300');
    return c.html(page.html);
  });
}

/** How reports are computed and kept; each default is what one small server affords. */
export interface ReportSourceOptions extends Partial<ComputeCacheOptions> {
  /** The analysis (a seam for tests that count or slow it). */
  analyze?: typeof analyzePublicRoom;
  retryAfterSeconds?: number;
}

// One analysis at a time: it is CPU work on the event loop (in slices), and two cores serve everything else.
const DEFAULTS: ComputeCacheOptions = { maxEntries: 32, freshMs: 5 * 60_000, concurrency: 1, maxQueued: 4 };

/**
 * Reports of public rooms through the archive's privacy rules, cached by room and normalised
 * query (LRU, five minutes), computed once per key at a time, one at a time overall, with a short
 * queue; past it the visitor is asked to come back (503, Retry-After) instead of stalling the server.
 */
export function storeReportSource(store: Store, config: Config, options: ReportSourceOptions = {}): ReportSource {
  const { analyze = analyzePublicRoom, retryAfterSeconds = 30, ...limits } = options;
  const settings = archiveSettings(config);
  const privacy = new ArchivePrivacy(store, settings);
  const cache = new ComputeCache<AnalyticsReport>({ ...DEFAULTS, ...limits });
  const roomSettings = servicesFromConfig(config, VERSION).roomSettings;
  const segmenter = createJiebaSegmenter();
  return {
    async page(name, raw) {
      const room = await privacy.publicRoom(name);
      if (!room) return undefined;
      const query = readReportQuery(raw, config.issues.timeZone);
      if ('error' in query) return query;
      const locale: Locale = settings.localeOf(room);
      const withRepo = { ...room, repo: room.repo ?? roomSettings(room).repo ?? null };
      const report = await cache.get(`${room.id}|${query.key}`, () => analyze(store, privacy, withRepo, { clock: query.clock, period: query.period, segmenter }));
      if (report === BUSY) return { busy: reportLabels(locale).busy, retryAfter: retryAfterSeconds };
      return { html: renderReportPage(report, locale) };
    },
  };
}
