import type { Readable } from 'node:stream';
import { datedBlocks } from './dated-blocks.js';
import { MAX_LINE_BYTES, skipped, type ImportItem, type ImporterOptions } from './import-record.js';
import { readLines } from './read-input.js';
import { openWhatsAppChat } from './whatsapp-chat-file.js';
import { headerParts, hourOf, whatsappBody, type HeaderParts } from './whatsapp-lines.js';

const SNIFFED_HEADERS = 2000;

type DateOrder = 'dmy' | 'mdy' | 'ymd';

/**
 * WhatsApp "Export chat": the `.txt`, or the `.zip` holding it (`_chat.txt`, with or without
 * media), both date styles; a message may span several lines. Times are local. WhatsApp's own
 * lines (encryption notice, "X added you", media left out of the export) are skipped, not members.
 */
export async function* importWhatsApp(path: string, options: ImporterOptions = {}): AsyncGenerator<ImportItem> {
  const maxBytes = options.maxLineBytes ?? MAX_LINE_BYTES;
  const chat = await openWhatsAppChat(path, options.zipLimits);
  try {
    const order = await dateOrder(await chat.open(), maxBytes);
    const name = options.chat ?? chat.name;
    const room = { id: name, topic: name };
    const parse = (line: string) => {
      const parts = headerParts(line);
      if (!parts) return undefined;
      const ts = timeOf(parts, order);
      return ts ? { ts, rest: parts.rest ?? '' } : 'invalid';
    };
    for await (const block of datedBlocks(readLines(await chat.open(options.onBytes), maxBytes), parse, 'dated', maxBytes)) {
      if (block.type === 'bad') {
        yield block;
        continue;
      }
      const body = whatsappBody(block.head.rest);
      if (body.type === 'system') yield skipped('system', `line ${block.number}`);
      else yield { type: 'message', platform: 'whatsapp', room, ts: block.head.ts, from: { id: body.sender, name: body.sender }, kind: body.kind, text: [body.text, ...block.lines].join('\n') };
    }
  } finally {
    chat.close();
  }
}

function timeOf(parts: HeaderParts, order: DateOrder): Date | undefined {
  const [a, b, c] = [Number(parts.a), Number(parts.b), Number(parts.c)];
  const [year, month, day] = order === 'ymd' ? [a, b, c] : order === 'mdy' ? [c, a, b] : [c, b, a];
  const [hour, minute] = [hourOf(parts), Number(parts.minute)];
  if (hour === undefined || minute > 59) return undefined;
  const fullYear = year < 100 ? 2000 + year : year;
  const date = new Date(fullYear, month - 1, day, hour, minute, Number(parts.second ?? 0));
  return date.getMonth() === month - 1 && date.getDate() === day ? date : undefined;
}

/** Day or month first: decided by the first dates whose day is over 12; day first when none tells. */
async function dateOrder(text: Readable, maxLineBytes: number): Promise<DateOrder> {
  let seen = 0;
  try {
    for await (const line of readLines(text, maxLineBytes)) {
      const parts = line.kind === 'text' ? headerParts(line.text) : undefined;
      if (!parts) continue;
      if (parts.a!.length === 4) return 'ymd';
      if (Number(parts.a) > 12) return 'dmy';
      if (Number(parts.b) > 12) return 'mdy';
      if (++seen >= SNIFFED_HEADERS) break;
    }
  } finally {
    text.destroy();
  }
  return 'dmy';
}
