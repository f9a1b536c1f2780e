import { Hono } from 'hono';
import { parsePeriod } from '../../core/analytics/period.js';
import { analyzeRoom } from '../../core/analytics/room-messages.js';
import { ZoneClock } from '../../core/analytics/zone-clock.js';
import type { Config } from '../../config/schema.js';
import { servicesFromConfig } from '../../config/to-services.js';
import { createJiebaSegmenter } from '../../search/jieba-segmenter.js';
import type { Store } from '../../store/store.js';
import { VERSION } from '../../version.js';
import { renderReportPage } from '../views/report-page.js';

export interface ReportQuery {
  since?: string;
  until?: string;
  tz?: string;
}

export type ReportPage = { html: string } | { error: string } | undefined;

export interface ReportSource {
  /** The HTML report of a public room (by topic or id); undefined when no public room has that name. */
  page(room: string, query: ReportQuery): Promise<ReportPage>;
}

/** `GET /report/:room[?since=&until=&tz=]`: the report of a room that opted into the public archive; any other → 404. */
export function reportRoutes(source: ReportSource): Hono {
  return new Hono().get('/report/:room', async (c) => {
    const { since, until, tz } = c.req.query();
    const page = await source.page(c.req.param('room'), { ...(since ? { since } : {}), ...(until ? { until } : {}), ...(tz ? { tz } : {}) });
    if (!page) return c.text('no such public room\n', 404);
    if ('error' in page) return c.text(`${page.error}\n`, 400);
    c.header('Cache-Control', 'public, max-age=300');
    return c.html(page.html);
  });
}

const CACHE_MS = 5 * 60_000;

/** Reports from the store, with the configuration's time zone and room languages; each kept five minutes. */
export function storeReportSource(store: Store, config: Config): ReportSource {
  const cache = new Map<string, { at: number; page: ReportPage }>();
  const roomSettings = servicesFromConfig(config, VERSION).roomSettings;
  return {
    async page(name, query) {
      const key = JSON.stringify([name, query]);
      const hit = cache.get(key);
      if (hit && Date.now() - hit.at < CACHE_MS) return hit.page;
      const room = await store.rooms.findByName(name);
      if (!room?.archivePublic) return undefined;
      let clock: ZoneClock;
      try {
        clock = new ZoneClock(query.tz ?? config.issues.timeZone);
      } catch {
        return { error: `tz=${query.tz}: expected an IANA time zone such as Asia/Shanghai` };
      }
      const period = parsePeriod(query.since, query.until, clock);
      if (!period.ok) return { error: period.error.replace(/--/g, '') };
      const settings = roomSettings(room);
      const report = await analyzeRoom(store, { ...room, repo: room.repo ?? settings.repo ?? null }, { clock, period: period.period, segmenter: createJiebaSegmenter() });
      const page = { html: renderReportPage(report, settings.locale ?? room.locale ?? config.locale) };
      if (cache.size > 100) cache.clear();
      cache.set(key, { at: Date.now(), page });
      return page;
    },
  };
}
