import type { RoomConfig } from '../../config/schema.js';
import type { FaqService } from '../../core/faq/faq-service.js';
import type { Logger } from '../../core/logger.js';
import type { Membership } from '../../core/tenants/tenant.js';
import type { Locale } from '../../core/types.js';
import type { Store } from '../../store/store.js';
import type { Session } from '../session.js';
import type { DashboardLabels } from '../views/dashboard-labels.js';

export interface GitHubOAuth {
  clientId: string;
  clientSecret: string;
  /** Where people sign in: https://github.com or a GitHub Enterprise Server. */
  webUrl: string;
  /** The REST API, for `GET /user` and the user's permissions on a repository. */
  apiUrl: string;
}

export interface DashboardDeps {
  store: Store;
  github: GitHubOAuth;
  /** The public URL of this web server (the OAuth callback is BASE/auth/callback); a function when known only once listening. */
  baseUrl: string | (() => string);
  sessionSecret: string;
  log: Logger;
  /** How long a bind code stays valid; default one day. */
  bindCodeTtlMs?: number;
  /** Sign-in attempts allowed per client per window; default 20 per 10 minutes. */
  loginLimit?: { attempts: number; windowMs: number };
  /** Reverse proxies (addresses or CIDR ranges) whose `X-Forwarded-For` names the client; default none. */
  trustProxy?: readonly string[];
  fetch?: typeof fetch;
  /** The bot's FAQ index in this process, told of each change so answers follow the editor at once. */
  faqIndex?: Pick<FaqService, 'put' | 'remove'> | undefined;
  /** Tells the outbox worker a retried job is waiting. */
  wake?: () => void;
  /** This installation's own side, read at each request so that a configuration reload applies at once. */
  selfHosted?: () => SelfHostedSettings;
}

/** Who sees the rooms no tenant owns (config `dashboard.admins`), and the rooms osschat.yaml configures. */
export interface SelfHostedSettings {
  admins: readonly string[];
  rooms: readonly RoomConfig[];
}

/** Whether `login` administers this installation's own rooms (GitHub logins compare without case). */
export function isSelfHostedAdmin(deps: Pick<DashboardDeps, 'selfHosted'>, login: string): boolean {
  const admins = deps.selfHosted?.().admins ?? [];
  return admins.some((admin) => admin.toLowerCase() === login.toLowerCase());
}

/** What the dashboard guard puts on each request's context. */
export interface DashboardEnv {
  Variables: {
    session: Session;
    tenant: Membership;
    tenants: Membership[];
    /** The signed-in login is one of `dashboard.admins`: it also sees the self-hosted rooms. */
    selfHosted: boolean;
    locale: Locale;
    l: DashboardLabels;
  };
}

/** The web base URL of GitHub for an API URL: api.github.com → github.com; GHES …/api/v3 → its host. */
export function githubWebUrl(apiUrl: string, configured?: string): string {
  if (configured) return configured.replace(/\/$/, '');
  const url = new URL(apiUrl);
  if (url.hostname === 'api.github.com') return 'https://github.com';
  return `${url.origin}${url.pathname.replace(/\/api\/v3\/?$/, '').replace(/\/$/, '')}`;
}

/** The public base URL, without a trailing slash. */
export function baseUrlOf(deps: Pick<DashboardDeps, 'baseUrl'>): string {
  return (typeof deps.baseUrl === 'function' ? deps.baseUrl() : deps.baseUrl).replace(/\/$/, '');
}
