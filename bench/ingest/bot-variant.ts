import { createBot, type Bot } from '../../src/core/bot.js';
import { silentLogger } from '../../src/core/logger.js';
import type { ChatMessageEvent } from '../../src/core/types.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { seconds } from '../measure.js';
import type { Variant } from './variant.js';

const MAX_IN_FLIGHT = 1024; // the stdio adapter's default

/** A bot with the default commands and no features, on a fresh migrated store. */
export async function withBot<T>(path: string, work: (bot: Bot) => Promise<T>): Promise<T> {
  const store: Store = await openStore(path);
  try {
    const bot = createBot({ store, platform: 'bench', send: async () => {}, log: silentLogger });
    try {
      return await work(bot);
    } finally {
      await bot.stop();
    }
  } finally {
    await store.close();
  }
}

/** `bot.handle` fed as the stdio adapter feeds it: not awaited one by one, at most 1024 in flight. */
export const botHandle: Variant = {
  name: 'bot.handle',
  run: (set, path) => withBot(path, (bot) => seconds(() => feed(bot, set.events))),
};

async function feed(bot: Bot, events: readonly ChatMessageEvent[]): Promise<void> {
  let inFlight = 0;
  let resume: (() => void) | undefined;
  const failures: unknown[] = [];
  const settled = () => {
    inFlight -= 1;
    if (resume && inFlight < MAX_IN_FLIGHT) [resume, resume = undefined][0]!();
  };
  for (const event of events) {
    inFlight += 1;
    bot.handle(event).then(settled, (error: unknown) => (failures.push(error), settled()));
    if (inFlight >= MAX_IN_FLIGHT) await new Promise<void>((done) => (resume = done));
  }
  await bot.drain();
  if (failures.length > 0) throw new AggregateError(failures, `${failures.length} events failed`);
}
