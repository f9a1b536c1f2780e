import type { Store } from '../store/store.js';
import { adminRoster } from './admins/admin-roster.js';
import { commandJob } from './commands/command-job.js';
import { findCommand, type Command, type QuotedMessage } from './commands/command.js';
import { commands as defaultCommands } from './commands/registry.js';
import { sayJob } from './commands/say-job.js';
import { compose, withErrorBoundary, type Middleware } from './compose.js';
import { createContext, type ChatContext, type Recorded as RecordedMessage } from './context.js';
import { defaultServices } from './default-services.js';
import { translator } from './i18n/translate.js';
import { Recorder, type Recorded } from './ingest/recorder.js';
import { RoomThreads } from './threads/room-threads.js';
import type { Logger } from './logger.js';
import { OutboxWorker, type JobHandler, type WorkerOptions } from './outbox/worker.js';
import { notifyJob } from './notify/notify-job.js';
import { RoomRateLimit, type RateLimitSettings } from './notify/room-rate-limit.js';
import type { Services } from './services.js';
import type { ChatEvent, Locale, OutgoingMessage, Room } from './types.js';

export interface Feature {
  name: string;
  middleware: Middleware<ChatContext>;
}

export interface BotOptions {
  store: Store;
  /** Platform name stored with rooms and members (`wechat`, `stdio`…). */
  platform: string;
  send: (message: OutgoingMessage) => Promise<void>;
  log: Logger;
  /** Bot admins from the config (platform ids); those kept in the database count too. */
  admins?: readonly string[];
  /** A group's owner and admins, as the platform reports them, may run the commands for a group's own admins (default true). */
  roomOwnersAreAdmins?: boolean;
  locale?: Locale;
  commands?: readonly Command<any>[];
  /** Features for messages that are not commands (FAQ…), each behind its own error boundary. */
  features?: readonly Feature[];
  services?: Partial<Services>;
  /** Outbox tuning (backoff, attempts, lease); tests shorten it. */
  worker?: Partial<Omit<WorkerOptions, 'store' | 'handlers' | 'log'>>;
  /** Extra outbox job kinds. */
  jobs?: Record<string, JobHandler>;
  /** Per-room limit on forge notifications (WeChat bans bursts); more are folded into one message. */
  notifyLimit?: RateLimitSettings;
}

export interface Bot {
  /** The one way in: stores the event, then routes a new message through the features. */
  handle(event: ChatEvent): Promise<Recorded>;
  /** Starts the outbox worker. */
  start(): void;
  /** Resolves when every event handed in is stored and routed, and no job is due within `horizonMs`. */
  drain(horizonMs?: number): Promise<void>;
  stop(): Promise<void>;
  /** Runs due outbox jobs now (new work was enqueued outside a chat event, e.g. by a webhook). */
  wake(): void;
  readonly services: Services;
}

export function createBot(options: BotOptions): Bot {
  const { store, log } = options;
  // Property descriptors, not a spread: a getter in the given services (botNames) stays live.
  const services: Services = Object.defineProperties(defaultServices(), Object.getOwnPropertyDescriptors(options.services ?? {}));
  const commands = options.commands ?? defaultCommands;
  const admins = adminRoster(store, options.admins ?? []);
  const roomOwnersAreAdmins = options.roomOwnersAreAdmins ?? true;
  const features = (options.features ?? []).map((feature) => withErrorBoundary(feature.name, feature.middleware));
  const pipeline = compose(features);
  const rooms = new RoomQueues();
  const info = (quoting: boolean, quoted?: QuotedMessage) => ({ quoting, quoted, botNames: services.botNames });
  const recorder: Recorder = new Recorder(store, options.platform, log, {
    classify: (event, quoting, quoted) => findCommand(commands, event.text, info(quoting, quoted))?.command.name,
    threads: new RoomThreads(),
    onJobs: () => worker.wake(),
  });

  const localeOf = (room: Room): Locale => room.locale ?? services.roomSettings(room).locale ?? options.locale ?? 'zh-CN';
  const contextOf = async (recorded: RecordedMessage, attempt = 1) => {
    const locale = localeOf(recorded.room);
    const isAdmin = await admins.isAdmin(recorded.sender);
    const deps = { store, services, log, t: translator(locale), locale, isAdmin, admins, roomOwnersAreAdmins, attempt, wake: () => worker.wake() };
    return createContext(recorded, deps);
  };
  const contextFor = async (messageId: number, attempt: number): Promise<ChatContext> => contextOf(await loadRecorded(store, messageId), attempt);

  const notifyDeps = { store, limiter: new RoomRateLimit(options.notifyLimit ?? { minIntervalMs: 3000, perHour: 20 }), localeOf, send: options.send };
  const worker = new OutboxWorker({
    ...options.worker,
    store,
    log,
    handlers: {
      command: commandJob(commands, contextFor, services),
      'chat.say': sayJob(options.send),
      notify: notifyJob(notifyDeps, 'notify'),
      digest: notifyJob(notifyDeps, 'digest'),
      ...options.jobs,
    },
  });

  return {
    services,
    async handle(event) {
      const recorded = await recorder.record(event);
      const message = recorded.type === 'message' ? recorded.message : undefined;
      if (features.length > 0 && recorded.type === 'message' && message && !message.isSelf && !message.command) {
        await rooms.run(recorded.room.id, async () => pipeline(await contextOf({ ...recorded, message })));
      }
      return recorded;
    },
    start: () => worker.start(),
    wake: () => worker.wake(),
    async drain(horizonMs = 0) {
      await recorder.drain();
      await rooms.idle();
      await worker.drain(horizonMs);
    },
    async stop() {
      await worker.stop();
      // The last jobs may have said something, and adapters echo what the bot says back as events: record those too.
      await recorder.drain();
    },
  };
}

async function loadRecorded(store: Store, messageId: number): Promise<RecordedMessage> {
  const message = await store.messages.findById(messageId);
  const room = message && (await store.rooms.findById(message.roomId));
  const sender = message && (await store.members.findById(message.senderId));
  if (!message || !room || !sender) throw new Error(`message ${messageId} not found`);
  // Read when the command runs: the role the platform reported last (a demoted owner is no longer one).
  const roomRole = room.kind === 'group' ? await store.members.roleIn(room.id, sender.id) : undefined;
  const roomRef = room.kind === 'group' ? { id: room.externalId, ...(room.topic ? { topic: room.topic } : {}) } : null;
  const event = {
    type: 'message' as const,
    id: message.platformMsgId,
    room: roomRef,
    from: { id: sender.externalId, ...(sender.name ? { name: sender.name } : {}), ...(roomRole ? { role: roomRole } : {}) },
    text: message.text,
    kind: message.kind,
    ts: message.ts,
    ...(message.replyTo ? { replyTo: message.replyTo } : {}),
  };
  return { event, room, sender, message, ...(roomRole ? { roomRole } : {}) };
}

/** Messages of one room are routed one after another, in the order they were stored. */
class RoomQueues {
  private tails = new Map<number, Promise<void>>();

  run(roomId: number, work: () => Promise<void>): Promise<void> {
    const previous = this.tails.get(roomId) ?? Promise.resolve();
    const current = previous.then(work, work);
    const tail = current.catch(() => undefined);
    this.tails.set(roomId, tail);
    void tail.then(() => this.tails.get(roomId) === tail && this.tails.delete(roomId));
    return current;
  }

  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all(this.tails.values());
  }
}
