import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLine } from '../../src/chat/stdio/parse-line.js';
import type { ThreadMessage } from '../../src/core/threads/index.js';

/** One room of an annotated corpus: its messages in order and the gold parents of the annotated ones. */
export interface AnnotatedRoom {
  name: string;
  messages: ThreadMessage[];
  gold: Map<string, string[]>;
}

/** Reads stdio JSON Lines message records as engine input (other records are skipped). */
export function readRoomFile(file: string): ThreadMessage[] {
  const messages: ThreadMessage[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const parsed = parseLine(line);
    if (!parsed.ok || parsed.event.type !== 'message') continue;
    const { id, from, text, ts, replyTo } = parsed.event;
    messages.push({ id, senderId: from.id, senderName: from.name ?? from.id, text, ts: ts.getTime(), replyTo });
  }
  return messages;
}

/** A folder of `<room>.jsonl` files and a `gold.jsonl` of `{"id", "replyTo": [ids]}` (own id = a start). */
export function readCorpus(dir: string): AnnotatedRoom[] {
  const gold = new Map<string, string[]>();
  for (const line of readFileSync(join(dir, 'gold.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const record = JSON.parse(line) as { id: string; replyTo: string[] };
    gold.set(record.id, record.replyTo);
  }
  return readdirSync(dir)
    .filter((file) => file.endsWith('.jsonl') && file !== 'gold.jsonl')
    .sort()
    .map((file) => {
      const messages = readRoomFile(join(dir, file));
      const roomGold = new Map(messages.filter((m) => gold.has(m.id)).map((m) => [m.id, gold.get(m.id)!]));
      return { name: file.replace(/\.jsonl$/, ''), messages, gold: roomGold };
    });
}
