import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseLine } from '../chat/stdio/parse-line.js';
import { rebuildRoomThreads } from '../core/threads/rebuild-room.js';
import { Threader } from '../core/threads/threader.js';
import { openStore } from '../store/open-store.js';
import { configOrExit } from './shared.js';

interface ThreadsOptions {
  json?: boolean;
  room?: string;
  rebuild?: boolean;
  config?: string;
}

export async function threadsCommand(files: string[], options: ThreadsOptions): Promise<void> {
  if (options.rebuild || options.room) return rebuild(options);
  if (files.length === 0) {
    process.stderr.write('give stdio JSON Lines files (one room each), or --room NAME --rebuild for a stored room\n');
    process.exit(2);
  }
  for (const file of files) await threadFile(file, options.json === true);
}

async function write(line: string): Promise<void> {
  if (!process.stdout.write(`${line}\n`)) await new Promise((resolve) => process.stdout.once('drain', resolve));
}

/** Prints where each message of one room's file goes, as it reads it. */
async function threadFile(file: string, json: boolean): Promise<void> {
  const threader = new Threader();
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  const conversations = new Set<string>();
  let number = 0;
  let messages = 0;
  for await (const text of lines) {
    number++;
    if (!text.trim()) continue;
    const parsed = parseLine(text);
    if (!parsed.ok) {
      process.stderr.write(`${file}:${number}: ${parsed.error}\n`);
      continue;
    }
    if (parsed.event.type !== 'message') continue;
    const { id, from, text: body, ts, replyTo } = parsed.event;
    const link = threader.add({ id, senderId: from.id, senderName: from.name ?? from.id, text: body, ts: ts.getTime(), ...(replyTo ? { replyTo } : {}) });
    messages++;
    conversations.add(link.conversation);
    if (json) await write(JSON.stringify({ id: link.id, conversation: link.conversation, replyTo: link.replyTo }));
    else await write(`${link.id}\t${link.replyTo === null ? 'starts' : `→ ${link.replyTo}`}\tconversation ${link.conversation}\t${percent(link.confidence)} ${link.reasons.join(', ')}`);
  }
  if (!json) await write(`${file}: ${messages === 0 ? 'no messages' : `${counted(messages, 'message')} in ${counted(conversations.size, 'conversation')}`}`);
}

/**
 * A confidence as a percentage. The engine's softmax divides by a sum that is 0 when the best
 * score is infinite (a pair sharing words with a message whose words had no weight yet): the
 * best candidate then has all the probability, 100%, never "Infinity%". Not a number: "?".
 */
function percent(confidence: number): string {
  if (Number.isNaN(confidence)) return '?';
  return `${Math.round(Math.min(1, Math.max(0, confidence)) * 100)}%`;
}

function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

async function rebuild(options: ThreadsOptions): Promise<void> {
  if (!options.room || !options.rebuild) {
    process.stderr.write('to place a stored room\'s messages again, give both --room NAME and --rebuild\n');
    process.exit(2);
  }
  const config = configOrExit(options.config);
  const store = await openStore(config.database.url);
  try {
    const room = await store.rooms.findByName(options.room);
    if (!room) {
      process.stderr.write(`no room named "${options.room}": give its topic or id (see /healthz or the log)\n`);
      process.exitCode = 1;
      return;
    }
    const result = await rebuildRoomThreads(store, room);
    await write(`${options.room}: ${result.messages} messages placed in ${result.conversations} conversations`);
  } finally {
    await store.close();
  }
}
