import type { Hono } from 'hono';
import { silentLogger } from '../../src/core/logger.js';
import type { Store } from '../../src/store/store.js';
import { createWebApp, type WebDeps } from '../../src/web/app.js';
import type { DashboardDeps } from '../../src/web/routes/dashboard-deps.js';
import { createGitHubServer, type GitHubServer, type GitHubServerOptions } from '../fakes/github/index.js';
import { freshSqliteStore, type StoreFactory } from '../helpers/databases.js';

export const BASE = 'http://dashboard.test';
export const CLIENT = { clientId: 'Iv1.dashboardtest', clientSecret: 'dashboard-secret' };

export interface Harness {
  app: Hono;
  store: Store;
  github: GitHubServer;
  close(): Promise<void>;
}

/** Repositories on the local GitHub: each user owns (so administers) their own. */
export const REPOS = ['octo/hello', 'alice/hello', 'alice/other', 'victim/repo', 'victim/private'];

export interface HarnessExtras {
  /** Options of the local GitHub (repositories, users' roles, private repositories). */
  github?: GitHubServerOptions;
  /** More of the web app over the same store (the public archive, reports). */
  web?: (store: Store) => Omit<WebDeps, 'health' | 'dashboard'>;
}

export async function dashboardHarness(overrides: Partial<DashboardDeps> = {}, factory: StoreFactory = freshSqliteStore, extras: HarnessExtras = {}): Promise<Harness> {
  const server = await createGitHubServer({ repos: REPOS, oauthApps: [CLIENT], ...extras.github });
  const { store, cleanup } = await factory();
  const app = createWebApp({
    ...extras.web?.(store),
    health: { pingDatabase: () => store.ping(), chatState: () => 'ready' },
    dashboard: {
      store,
      github: { ...CLIENT, apiUrl: server.url, webUrl: server.url },
      baseUrl: BASE,
      sessionSecret: 'a-test-secret-that-is-long-enough-1234',
      log: silentLogger,
      ...overrides,
    },
  });
  return { app, store, github: server, close: async () => Promise.all([cleanup(), server.close()]).then(() => undefined) };
}

/** Cookies of one browser: `name=value` pairs, updated from each answer's Set-Cookie. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(response: Response): Response {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at);
      const value = pair!.slice(at + 1);
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** Another browser holding the same cookies (a stolen copy). */
  copy(): CookieJar {
    const copy = new CookieJar();
    for (const [name, value] of this.cookies) copy.cookies.set(name, value);
    return copy;
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** A signed-in browser: the whole OAuth dance through the fake github.com; returns its cookies and form token. */
export async function signIn(h: Harness, login: string): Promise<{ jar: CookieJar; csrf: string }> {
  const jar = new CookieJar();
  const start = jar.take(await h.app.request('/auth/login?next=/dashboard/rooms'));
  const authorize = new URL(start.headers.get('location')!);
  const consent = await fetch(authorize);
  if (consent.status !== 200) throw new Error(`authorize page: ${consent.status}`);
  const form = new URLSearchParams({ ...Object.fromEntries(authorize.searchParams), login });
  const approved = await fetch(`${h.github.url}/login/oauth/authorize`, { method: 'POST', body: form, redirect: 'manual' });
  const callback = new URL(approved.headers.get('location')!);
  const done = jar.take(await h.app.request(`${callback.pathname}${callback.search}`, { headers: { cookie: jar.header() } }));
  if (done.status !== 302) throw new Error(`callback: ${done.status} ${await done.text()}`);
  const page = await (await h.app.request('/dashboard/rooms', { headers: { cookie: jar.header() } })).text();
  const csrf = page.match(/name="_csrf" value="([^"]+)"/)?.[1];
  if (!csrf) throw new Error('no form token on the dashboard page');
  return { jar, csrf };
}

/** Posts a form as that browser. */
export async function postForm(h: Harness, who: { jar: CookieJar; csrf?: string }, path: string, fields: Record<string, string>): Promise<Response> {
  const body = new URLSearchParams({ ...(who.csrf ? { _csrf: who.csrf } : {}), ...fields });
  return h.app.request(path, { method: 'POST', body, headers: { cookie: who.jar.header(), 'content-type': 'application/x-www-form-urlencoded' } });
}

export async function getPage(h: Harness, who: { jar: CookieJar }, path: string): Promise<Response> {
  return h.app.request(path, { headers: { cookie: who.jar.header() } });
}
