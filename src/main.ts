import type { ChatAdapter } from './chat/chat-adapter.js';
import { createStdioAdapter } from './chat/stdio/stdio-adapter.js';
import { chatAccount, leaderChat } from './chat/leader-chat.js';
import { kindsNow, rolePlan, roleRefusal, type Role } from './core/roles/role-plan.js';
import type { Config } from './config/schema.js';
import { configuredSubscriptions } from './config/configured-subscriptions.js';
import { roomSettings, servicesFromConfig } from './config/to-services.js';
import { LiveConfig, type ConfigChange } from './config/reload.js';
import { ConfiguredFaq } from './config/reload-faq.js';
import { createBot, type Bot, type BotOptions } from './core/bot.js';
import { commandTable } from './core/commands/registry.js';
import { faqFeature } from './core/faq/faq.feature.js';
import type { Forge } from './forge/forge.js';
import { forgeFromConfig } from './forge/from-config.js';
import { createGitHubWebhookReceiver } from './forge/github/webhook-receiver.js';
import { configuredPollMs, configuredRepos, pollerFromConfig } from './forge/github/poll-from-config.js';
import { DeliveryAcceptor } from './core/notify/delivery-acceptor.js';
import { nextDigestTime } from './core/notify/next-digest-time.js';
import type { Logger } from './core/logger.js';
import { dialectOf, openStore } from './store/open-store.js';
import type { Repositories, Store } from './store/store.js';
import { checkDatabase } from './store/database-health.js';
import { createWebApp } from './web/app.js';
import { dashboardFromConfig } from './web/routes/dashboard-from-config.js';
import { storeArchiveSource } from './web/routes/archive-source.js';
import { storeReportSource } from './web/routes/report.js';
import { VERSION } from './version.js';
import { listen, type RunningServer } from './web/server.js';

export interface AppOptions {
  config: Config;
  log: Logger;
  chat?: 'wechaty' | 'stdio';
  io?: { stdin: NodeJS.ReadableStream; stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream };
  /** Replaces the forge built from the configuration (tests, benchmarks). */
  forge?: Forge;
  worker?: BotOptions['worker'];
  /** What this process runs (default all); roles other than all need PostgreSQL. */
  role?: Role;
  /** Called when the process must end (it lost the chat leadership); start.ts exits. */
  onFatal?: (reason: string) => void;
}

export interface App {
  start(): Promise<void>;
  /**
   * Stops reading chat input, finishes in-flight work, closes the web server and the database.
   * Jobs due within `drainMs` are run first (a short retry counts as due); later ones wait for the next start.
   */
  stop(options?: { drainMs?: number }): Promise<void>;
  /** Resolves when the chat input ends (stdio end of input); never for a live platform. */
  finished(): Promise<void>;
  /** Takes the settings of a new configuration that apply without a restart (faq, rooms, locale, dashboard); says what changed. */
  reconfigure(next: Config): Promise<ConfigChange>;
  readonly store: Store;
  readonly bot: Bot;
  readonly webUrl: string;
}

/** The composition root: the only place that knows every implementation. */
export async function createApp(options: AppOptions): Promise<App> {
  const { config, log } = options;
  const plan = rolePlan(options.role ?? 'all');
  if (options.role && options.role !== 'all' && dialectOf(config.database.url) === 'sqlite') throw new Error(roleRefusal(options.role));
  const store = await openStore(config.database.url);
  // SQLite means one process: a job still marked running was cut off by a crash and is due again.
  if (store.dialect === 'sqlite') {
    const released = await store.outbox.releaseRunning();
    if (released) log.warn({ jobs: released }, 'outbox: resuming jobs interrupted by the last stop');
  }
  const adapter = leaderChat(plan.chat ? await createChatAdapter(options) : undefined, {
    dialect: store.dialect,
    url: config.database.url,
    account: chatAccount(config, options.chat),
    log,
    onLeading: () => bot.wake(),
    onLost: (reason) => options.onFatal?.(`chat leadership lost: ${reason}`),
  });
  const forge = options.forge ?? forgeFromConfig(config, log);
  // What a configuration reload may change (see config/reload.ts) is read from `live`, the rest from `config`.
  const live = new LiveConfig(config);
  const faq = await ConfiguredFaq.create(config.faq, store, log);
  live.onChange((next) => faq.configure(next.faq));
  const bot = createBot({
    store,
    platform: adapter.platform,
    send: (message) => adapter.say(message),
    log,
    admins: config.admins,
    roomOwnersAreAdmins: config.chat.ownerIsAdmin,
    get locale() {
      return live.current.locale;
    },
    features: [faqFeature],
    services: {
      ...servicesFromConfig(config, VERSION),
      roomSettings: (room) => roomSettings(live.current, room),
      get faq() {
        return faq.current;
      },
      forge,
      // Read at each message: the platform tells the bot's own name only after login.
      get botNames() {
        return adapter.selfName ? [...config.chat.botNames, adapter.selfName] : config.chat.botNames;
      },
    },
    // The standby of an `all` process runs all but the chat's jobs; a chat process only those.
    worker: { ...(options.worker ?? workerSettings(config)), kinds: () => kindsNow(plan, adapter.leading) },
    notifyLimit: config.notify,
    commands: commandTable({ subscribe: config.notify.subscribe }),
  });
  const digestAt = (period: 'daily' | 'weekly') => nextDigestTime(new Date(), period, config.notify.digestTime, config.issues.timeZone);
  const subscriptionsNow = live.derived(configuredSubscriptions);
  // With polling on, a webhook and a poll of one event make one notification (see ForgeEvent.key).
  const accept = { digestAt, configured: (tx: Repositories, repo: string) => subscriptionsNow()(tx, repo), keyByEvent: configuredPollMs(config) !== undefined };
  const acceptor = new DeliveryAcceptor(store, accept, log);
  const poller = plan.chat ? pollerFromConfig({ config, store, forge, accept, leading: () => adapter.leading, wake: () => bot.wake(), log, configuredRepos: live.derived(configuredRepos) }) : undefined;
  let server: RunningServer | undefined;
  let stopping: Promise<void> | undefined;

  async function shutdown(drainMs: number): Promise<void> {
    await adapter.stop();
    await poller?.stop();
    await bot.drain(drainMs);
    await bot.stop();
    await server?.close();
    await acceptor.drain();
    await store.close();
    log.info({}, 'stopped');
  }

  return {
    store,
    bot,
    get webUrl() {
      return server?.url ?? '';
    },
    async start() {
      const web = createWebApp({
        log,
        limits: config.web,
        health: { pingDatabase: () => checkDatabase(store), chatState: () => adapter.state },
        webhooks: {
          path: config.webhooks.path,
          receive: createGitHubWebhookReceiver(config.github.webhookSecret),
          accept: (delivery) => acceptor.accept(delivery),
          wake: () => bot.wake(),
          log,
        },
        archive: storeArchiveSource(store, config, undefined, log),
        report: storeReportSource(store, config),
        dashboard: dashboardFromConfig(config, store, log, { serverUrl: () => server?.url ?? '', wake: () => bot.wake(), faqIndex: faq.index, config: () => live.current }),
      });
      if (plan.web) server = await listen(web, config.web.host, config.web.port);
      log.info({ url: server?.url, database: store.dialect, chat: adapter.platform, role: options.role ?? 'all' }, plan.web ? 'web server listening' : 'started');
      bot.start();
      poller?.start();
      await adapter.start((event) => bot.handle(event).then(() => undefined));
    },
    stop: (stopOptions = {}) => (stopping ??= shutdown(stopOptions.drainMs ?? 0)),
    finished: () => adapter.finished(),
    reconfigure: (next) => live.apply(next),
  };
}

async function createChatAdapter(options: AppOptions): Promise<ChatAdapter> {
  const { config, log } = options;
  if ((options.chat ?? config.chat.adapter) === 'stdio') {
    const io = options.io ?? process;
    return createStdioAdapter({
      input: io.stdin as never, output: io.stdout as never, errors: io.stderr as never, platform: config.chat.platform, log, maxLineBytes: config.chat.stdio.maxLineBytes,
    });
  }
  // Loaded on demand: Wechaty and its puppets are heavy and unused by the stdio bridge.
  const { startWechatyAdapter } = await import('./chat/wechaty/from-config.js');
  return startWechatyAdapter(config.chat.wechaty, log);
}

function workerSettings(config: Config): BotOptions['worker'] {
  const { maxAttempts, retryBaseMs, leaseMs, pollMs } = config.outbox;
  return { maxAttempts, leaseMs, pollMs, backoff: (attempt) => Math.min(retryBaseMs * 2 ** (attempt - 1), 10 * 60_000) };
}
