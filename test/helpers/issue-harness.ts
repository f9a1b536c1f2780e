import { createBot, type Bot } from '../../src/core/bot.js';
import { silentLogger } from '../../src/core/logger.js';
import type { IssueSettings, RoomSettings, Services } from '../../src/core/services.js';
import { DEFAULT_ISSUE_SETTINGS } from '../../src/core/default-services.js';
import type { ChatMessageEvent, OutgoingMessage } from '../../src/core/types.js';
import { createGitHubForge } from '../../src/forge/github/github-forge.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { createGitHubServer, type GitHubServer } from '../fakes/github/index.js';

export interface Harness {
  bot: Bot;
  store: Store;
  github: GitHubServer;
  sent: OutgoingMessage[];
  /** Says `text` in room r1 (or `room`) as `from`, then waits until everything it caused is done. */
  say(text: string, options?: Partial<ChatMessageEvent>): Promise<ChatMessageEvent>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  token?: string;
  issues?: Partial<IssueSettings>;
  admins?: string[];
  rooms?: Record<string, RoomSettings>;
  maxAttempts?: number;
  notifyLimit?: { minIntervalMs: number; perHour: number };
  /** The forge's budget of one call (default 5000 ms) and how long GitHub may still write after it (see GitHubForgeOptions). */
  forgeTimeoutMs?: number;
  lateWriteMs?: number;
  /** Services to use instead of the harness's own (a switch such as commentOnSubscribed). */
  services?: Partial<Services>;
}

/** The real bot, store (SQLite in memory) and GitHub forge, against the local GitHub-like server. */
export async function issueHarness(options: HarnessOptions = {}): Promise<Harness> {
  const github = await createGitHubServer({ repos: ['octo/hello', 'octo/other'] });
  const store = await openStore(':memory:');
  const sent: OutgoingMessage[] = [];
  const forge = createGitHubForge({ apiUrl: github.url, token: options.token ?? 'test-token', log: silentLogger, retries: 2, retryAfterBaseValue: 5, throttle: false, timeoutMs: options.forgeTimeoutMs ?? 5000, lateWriteMs: options.lateWriteMs ?? 0 });
  const rooms = options.rooms ?? { r1: { repo: 'octo/hello' } };
  const services: Partial<Services> = {
    forge,
    issues: { ...DEFAULT_ISSUE_SETTINGS, ...options.issues },
    roomSettings: (room) => rooms[room.externalId] ?? {},
    botNames: ['OSSChat'],
    version: '9.9.9',
    ...options.services,
  };
  const bot = createBot({ store, platform: 'test', log: silentLogger, send: async (m) => void sent.push(m), admins: options.admins, services, worker: { backoff: () => 10, maxAttempts: options.maxAttempts ?? 8 }, notifyLimit: options.notifyLimit });
  let seq = 0;
  return {
    bot,
    store,
    github,
    sent,
    async say(text, extra = {}) {
      seq += 1;
      const event: ChatMessageEvent = {
        type: 'message', id: `m${seq}`, room: { id: 'r1', topic: 'OSSChat 开发者群' }, from: { id: 'u1', name: '张三' },
        text, kind: 'text', ts: new Date(Date.UTC(2026, 10, 24, 2, 0, seq)), ...extra,
      };
      await bot.handle(event);
      await bot.drain(1000);
      return event;
    },
    async close() {
      await bot.stop();
      await store.close();
      await github.close();
    },
  };
}
