import { Readable, Writable } from 'node:stream';
import { createStdioAdapter } from '../../src/chat/stdio/stdio-adapter.js';
import { silentLogger } from '../../src/core/logger.js';
import type { ChatMessageEvent } from '../../src/core/types.js';
import { seconds } from '../measure.js';
import { withBot } from './bot-variant.js';
import type { Variant } from './variant.js';

const CHUNK_CHARS = 64 * 1024;

/** The whole stdio path: JSON Lines in, parsed and validated, then `bot.handle`. */
export const stdio: Variant = {
  name: 'stdio',
  run: (set, path) => {
    const chunks = jsonLines(set.events);
    return withBot(path, (bot) =>
      seconds(async () => {
        const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() });
        const adapter = createStdioAdapter({ input: Readable.from(chunks), output: sink(), errors: sink(), platform: 'bench', log: silentLogger });
        // As src/main.ts wires it.
        await adapter.start((event) => bot.handle(event).then(() => undefined));
        await adapter.finished();
        await bot.drain();
      }),
    );
  },
};

/** The input as a pipe delivers it: large chunks that split lines anywhere. */
function jsonLines(events: readonly ChatMessageEvent[]): string[] {
  const text = events.map((event) => `${JSON.stringify(event)}\n`).join('');
  const chunks: string[] = [];
  for (let start = 0; start < text.length; start += CHUNK_CHARS) chunks.push(text.slice(start, start + CHUNK_CHARS));
  return chunks;
}
