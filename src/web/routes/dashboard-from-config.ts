import type { Config } from '../../config/schema.js';
import type { FaqService } from '../../core/faq/faq-service.js';
import type { Logger } from '../../core/logger.js';
import type { Store } from '../../store/store.js';
import { sessionSecret } from '../session-secret.js';
import { githubWebUrl, type DashboardDeps } from './dashboard-deps.js';

/** The dashboard's dependencies, or undefined (no dashboard) when no OAuth app is configured. */
export function dashboardFromConfig(
  config: Config, store: Store, log: Logger, serverUrl: () => string, wake: () => void, faqIndex?: Pick<FaqService, 'put' | 'remove'>,
): DashboardDeps | undefined {
  const { oauthClientId, oauthClientSecret, apiUrl, webUrl } = config.github;
  if (!oauthClientId || !oauthClientSecret) return undefined;
  return {
    store,
    github: { clientId: oauthClientId, clientSecret: oauthClientSecret, apiUrl, webUrl: githubWebUrl(apiUrl, webUrl) },
    baseUrl: () => config.web.baseUrl ?? serverUrl(),
    sessionSecret: sessionSecret(config.web.sessionSecret, config.database.url),
    trustProxy: config.web.trustProxy,
    log: log.child({ part: 'dashboard' }),
    wake,
    faqIndex,
  };
}
