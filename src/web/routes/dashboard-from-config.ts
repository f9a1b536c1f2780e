import type { Config } from '../../config/schema.js';
import type { FaqService } from '../../core/faq/faq-service.js';
import type { Logger } from '../../core/logger.js';
import type { Store } from '../../store/store.js';
import { sessionSecret } from '../session-secret.js';
import { githubWebUrl, type DashboardDeps } from './dashboard-deps.js';

/** What the dashboard takes from the running process rather than from the configuration at start. */
export interface DashboardLiveParts {
  serverUrl: () => string;
  wake: () => void;
  faqIndex?: Pick<FaqService, 'put' | 'remove'>;
  /** The configuration in use now (`dashboard.admins` and `rooms:` follow a reload). */
  config?: () => Config;
}

/** The dashboard's dependencies, or undefined (no dashboard) when no OAuth app is configured. */
export function dashboardFromConfig(config: Config, store: Store, log: Logger, live: DashboardLiveParts): DashboardDeps | undefined {
  const { oauthClientId, oauthClientSecret, apiUrl, webUrl } = config.github;
  if (!oauthClientId || !oauthClientSecret) return undefined;
  const current = live.config ?? (() => config);
  return {
    store,
    github: { clientId: oauthClientId, clientSecret: oauthClientSecret, apiUrl, webUrl: githubWebUrl(apiUrl, webUrl) },
    baseUrl: () => config.web.baseUrl ?? live.serverUrl(),
    sessionSecret: sessionSecret(config.web.sessionSecret, config.database.url),
    trustProxy: config.web.trustProxy,
    log: log.child({ part: 'dashboard' }),
    wake: live.wake,
    faqIndex: live.faqIndex,
    selfHosted: () => ({ admins: current().dashboard.admins, rooms: current().rooms }),
  };
}
