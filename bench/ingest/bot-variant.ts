import { createBot, type Bot } from '../../src/core/bot.js';
import { silentLogger } from '../../src/core/logger.js';
import type { ChatMessageEvent } from '../../src/core/types.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { seconds } from '../measure.js';
import type { Variant } from './variant.js';

const MAX_IN_FLIGHT = 256;

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

/** `bot.handle` fed as the stdio adapter feeds it: not awaited one by one, at most 256 in flight. */
export const botHandle: Variant = {
  name: 'bot.handle',
  run: (set, path) => withBot(path, (bot) => seconds(() => feed(bot, set.events))),
};

async function feed(bot: Bot, events: readonly ChatMessageEvent[]): Promise<void> {
  const inFlight = new Set<Promise<void>>();
  const failures: unknown[] = [];
  for (const event of events) {
    const work: Promise<void> = bot.handle(event).then(
      () => void inFlight.delete(work),
      (error: unknown) => void (inFlight.delete(work), failures.push(error)),
    );
    inFlight.add(work);
    while (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
  }
  await bot.drain();
  if (failures.length > 0) throw new AggregateError(failures, `${failures.length} events failed`);
}
