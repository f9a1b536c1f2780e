import { Hono } from 'hono';
import { VERSION } from '../../version.js';
import { renderLandingPage } from '../views/landing-page.js';
import type { ArchiveSource } from './archive-source.js';
import { pageLocale } from './dashboard-guard.js';

export interface LandingDeps {
  /** The public archive, when served: its public rooms are listed. */
  archive?: ArchiveSource | undefined;
  /** Reports of public rooms are served at /report/ROOM. */
  reports: boolean;
  /** The dashboard is served. */
  dashboard: boolean;
}

/** `GET /`: a small page that links to what this server offers, in the visitor's language. */
export function landingRoutes(deps: LandingDeps): Hono {
  return new Hono().get('/', async (c) => {
    await deps.archive?.applyConfiguredRooms();
    const publicRooms = deps.archive ? await deps.archive.reader.rooms() : [];
    // The language may come from the visitor's cookie: caches must not hand one visitor's page to another.
    c.header('Cache-Control', 'private, max-age=60');
    c.header('Vary', 'Accept-Language, Cookie');
    return c.html(renderLandingPage({ locale: pageLocale(c), version: VERSION, publicRooms, reports: deps.reports, dashboard: deps.dashboard }));
  });
}
