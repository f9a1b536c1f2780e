import type { Config } from '../../config/schema.js';
import type { Logger } from '../../core/logger.js';
import type { AcceptOptions } from '../../core/notify/accept-delivery.js';
import { EventPoller } from '../../core/notify/poll-events.js';
import { pollIntervalMs } from '../../core/notify/poll-settings.js';
import { parseSubscriptionSpec } from '../../core/notify/subscription-spec.js';
import type { Store } from '../../store/store.js';
import type { Forge } from '../forge.js';

export interface PollerDeps {
  config: Config;
  store: Store;
  forge: Forge | undefined;
  accept: AcceptOptions;
  leading: () => boolean;
  wake: () => void;
  log: Logger;
  /** The configured repositories as they are now (a reloaded configuration); default: those of `config`. */
  configuredRepos?: () => readonly string[];
}

/** How often the configuration polls GitHub, or undefined when it does not (github.poll, webhookSecret). */
export const configuredPollMs = (config: Config) => pollIntervalMs(config.github.poll, config.github.webhookSecret);

/** The repositories rooms subscribe to in the configuration. */
export function configuredRepos(config: Config): string[] {
  const specs = config.rooms.flatMap((room) => room.subscribe ?? []).map(parseSubscriptionSpec);
  return [...new Set(specs.flatMap((parsed) => (parsed.ok ? [parsed.repo] : [])))];
}

/** The poller the configuration asks for, or undefined: polling off, or no credentials to poll with (said once). */
export function pollerFromConfig(deps: PollerDeps): EventPoller | undefined {
  const { config, forge, log } = deps;
  const intervalMs = configuredPollMs(config);
  if (intervalMs === undefined) return undefined;
  if (!forge?.pollEvents) {
    if (config.github.poll !== undefined) log.warn({}, 'github.poll is set, but polling needs GitHub credentials: set GITHUB_TOKEN (or github.appId and privateKey)');
    return undefined;
  }
  const why = config.github.poll === undefined ? 'no webhook secret is set' : 'github.poll is set';
  log.info({ everySeconds: intervalMs / 1000 }, `polling GitHub for the events of subscribed repositories (${why})`);
  return new EventPoller({ ...deps, forge: { name: forge.name, pollEvents: forge.pollEvents.bind(forge) }, intervalMs, configuredRepos: deps.configuredRepos ?? (() => configuredRepos(config)), log: log.child({ poll: forge.name }) });
}
