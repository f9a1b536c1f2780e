import type { MessageKind } from '../core/types.js';
import { bad, tooLarge, type ImportItem, type ImporterOptions } from './import-record.js';
import type { JsonPath, JsonWant } from './json-scanner.js';
import { drainEachChunk, openFile, scanJson } from './read-input.js';

/** The fields of a DiscordChatExporter message that we read. */
interface DiscordMessage {
  id?: unknown;
  type?: string;
  timestamp?: string;
  content?: string;
  author?: { id?: string; name?: string; nickname?: string };
  attachments?: { fileName?: string }[];
  stickers?: unknown[];
  reference?: { messageId?: string | null } | null;
}

/** Message types that people write; the others (joins, pins, calls…) are kept as system messages. */
const SPOKEN = new Set(['Default', 'Reply', 'ThreadStarterMessage']);

/** DiscordChatExporter JSON: `{guild, channel, messages: [...]}` for one channel. */
export async function* importDiscord(path: string, options: ImporterOptions = {}): AsyncGenerator<ImportItem> {
  const pending: ImportItem[] = [];
  const room: { id: string; topic?: string } = { id: '' };
  let guild = '';
  const select = (p: JsonPath): JsonWant => {
    if (p.length === 0 || (p.length === 1 && p[0] === 'messages')) return 'descend';
    if (p.length === 1 && (p[0] === 'guild' || p[0] === 'channel')) return 'parse';
    return p.length === 2 && p[0] === 'messages' ? 'parse' : 'skip';
  };
  const onValue = (p: JsonPath, value: unknown) => {
    const named = value as { id?: string; name?: string };
    if (p[0] === 'guild') guild = named?.name ?? '';
    else if (p[0] === 'channel') Object.assign(room, { id: String(named?.id ?? ''), topic: [guild, named?.name].filter(Boolean).join(' #') || undefined });
    else pending.push(parseDiscordMessage(value as DiscordMessage, { ...room }, `messages[${String(p[1])}]`));
  };
  const onTooLarge = (p: JsonPath, chars: number) => pending.push(tooLarge(p.length === 2 ? `messages[${String(p[1])}]` : String(p[0]), chars));
  yield* drainEachChunk(pending, scanJson(openFile(path, options.onBytes), { select, onValue, onTooLarge }));
}

export function parseDiscordMessage(raw: DiscordMessage, room: { id: string; topic?: string }, at: string): ImportItem {
  if (typeof raw !== 'object' || raw === null) return bad(at, 'expected an object');
  if (typeof raw.id !== 'string' || raw.id === '') return bad(at, 'id: expected a string');
  const ts = new Date(raw.timestamp ?? '');
  if (Number.isNaN(ts.getTime())) return bad(at, 'timestamp: expected a time such as 2024-01-02T10:00:00+00:00');
  if (!raw.author?.id) return bad(at, 'author.id: missing');
  const kind: MessageKind = !SPOKEN.has(raw.type ?? 'Default') ? 'system' : raw.content ? 'text' : raw.attachments?.length ? 'file' : raw.stickers?.length ? 'emoticon' : 'text';
  const name = raw.author.nickname || raw.author.name;
  const attachment = raw.attachments?.[0]?.fileName;
  return {
    type: 'message',
    platform: 'discord',
    room,
    id: raw.id,
    from: { id: raw.author.id, ...(name ? { name } : {}) },
    text: raw.content || (kind === 'file' && attachment ? `[file] ${attachment}` : kind === 'text' ? '' : `[${kind === 'system' ? raw.type : kind}]`),
    ts,
    kind,
    ...(raw.reference?.messageId ? { replyTo: raw.reference.messageId } : {}),
  };
}
