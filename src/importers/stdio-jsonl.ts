import { parseLine } from '../chat/stdio/parse-line.js';
import { bad, lineTooLong, MAX_LINE_BYTES, type ImportItem, type ImporterOptions } from './import-record.js';
import { openFile, readLines } from './read-input.js';

/** Our own JSON Lines (what `osschat export` prints and `start --chat stdio` reads), edits and recalls included. */
export async function* importStdioJsonl(path: string, options: ImporterOptions = {}): AsyncGenerator<ImportItem> {
  const platform = options.platform ?? 'stdio';
  const maxBytes = options.maxLineBytes ?? MAX_LINE_BYTES;
  for await (const line of readLines(openFile(path, options.onBytes), maxBytes)) {
    const at = `line ${line.number}`;
    if (line.kind === 'too-long') {
      yield lineTooLong(at, line.bytes, maxBytes);
      continue;
    }
    if (line.text.trim() === '') continue;
    const parsed = parseLine(line.text);
    if (!parsed.ok) {
      yield bad(at, parsed.error);
      continue;
    }
    const event = parsed.event;
    if (!event.room) {
      yield bad(at, 'a direct message (no room): only group rooms are imported');
      continue;
    }
    if (event.type === 'message') {
      const { id, room, from, text, ts, kind, replyTo, self } = event;
      yield { type: 'message', platform, id, room, from, text, ts, kind, ...(replyTo ? { replyTo } : {}), ...(self ? { self } : {}) };
    } else yield { type: event.type, platform, id: event.id, room: event.room, ts: event.ts, ...(event.type === 'edit' ? { text: event.text } : {}) };
  }
}
