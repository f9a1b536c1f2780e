import type { MessageKind } from '../core/types.js';
import { chatName, chatWanted, NoSuchChatError, type ExportChat } from './chat-choice.js';
import { bad, skipped, tooLarge, type ImportItem, type ImporterOptions } from './import-record.js';
import type { JsonPath, JsonWant } from './json-scanner.js';
import { drainEachChunk, openFile, scanJson } from './read-input.js';

type TextPart = string | { type?: string; text?: string };

/** The fields of a Telegram Desktop export message that we read. */
interface TelegramMessage {
  id?: unknown;
  type?: string;
  date?: string;
  date_unixtime?: string;
  from?: string | null;
  from_id?: string;
  actor?: string | null;
  actor_id?: string;
  action?: string;
  text?: string | TextPart[];
  reply_to_message_id?: number;
  media_type?: string;
  photo?: string;
  file?: string;
  mime_type?: string;
  poll?: { question?: string };
  location_information?: unknown;
  contact_information?: unknown;
}

const CHAT_FIELDS = new Set(['name', 'id']);
const ACCOUNT_LISTS = new Set(['chats', 'left_chats']);

/**
 * Telegram Desktop "Export chat history" JSON (`result.json`): one chat
 * (`{name, type, id, messages: [...]}`) or the whole account (`chats.list[]` of such chats).
 */
export async function* importTelegram(path: string, options: ImporterOptions = {}): AsyncGenerator<ImportItem> {
  const listed: ExportChat[] = [];
  yield* readTelegram(path, options, listed);
  const wanted = options.chat;
  if (wanted === undefined || listed.length === 0) return;
  const others = listed.filter((chat) => !chatWanted(wanted, chat));
  if (others.length < listed.length) for (const chat of others) yield skipped('other-chat', chatName(chat));
  // An account export of one chat is read whole, like a one-chat export: --room names its room.
  else if (listed.length === 1) yield* readTelegram(path, { ...options, chat: undefined }, []);
  else throw new NoSuchChatError(wanted, listed.map(chatName));
}

/** Reads the messages of every chat `options.chat` wants; the chats of an account export go to `listed`. */
async function* readTelegram(path: string, options: ImporterOptions, listed: ExportChat[]): AsyncGenerator<ImportItem> {
  const pending: ImportItem[] = [];
  const chat: ExportChat = { id: '' };
  const isChat = (p: JsonPath) => p.length === 0 || (p.length === 3 && ACCOUNT_LISTS.has(p[0] as string) && p[1] === 'list');
  const messagesOf = (p: JsonPath): JsonWant => {
    if (p.length === 1) return 'descend';
    listed.push({ ...chat });
    return chatWanted(options.chat, chat) ? 'descend' : 'skip';
  };
  const select = (path: JsonPath): JsonWant => {
    const head = path.slice(0, -1);
    const last = path[path.length - 1];
    if (path.length === 3 && isChat(path)) {
      chat.id = '';
      chat.topic = undefined;
      return 'descend';
    }
    if (path.length === 0 || (path.length <= 2 && ACCOUNT_LISTS.has(path[0] as string))) return 'descend';
    if (isChat(head) && CHAT_FIELDS.has(last as string)) return 'parse';
    if (isChat(head) && last === 'messages') return messagesOf(path);
    if (typeof last === 'number' && head[head.length - 1] === 'messages') return 'parse';
    return 'skip';
  };
  const at = (path: JsonPath) => `${chat.topic ?? chat.id} messages[${String(path[path.length - 1])}]`;
  const onValue = (path: JsonPath, value: unknown) => {
    const field = path[path.length - 1];
    if (field === 'name') chat.topic = typeof value === 'string' ? value : undefined;
    else if (field === 'id') chat.id = String(value);
    else pending.push(parseTelegramMessage(value as TelegramMessage, { ...chat }, at(path)));
  };
  const onTooLarge = (path: JsonPath, chars: number) => pending.push(tooLarge(at(path), chars));
  yield* drainEachChunk(pending, scanJson(openFile(path, options.onBytes), { select, onValue, onTooLarge }));
}

export function parseTelegramMessage(raw: TelegramMessage, room: { id: string; topic?: string }, at: string): ImportItem {
  if (typeof raw !== 'object' || raw === null) return bad(at, 'expected an object');
  if (typeof raw.id !== 'number' && typeof raw.id !== 'string') return bad(at, 'id: expected a number');
  const ts = raw.date_unixtime ? new Date(Number(raw.date_unixtime) * 1000) : new Date(raw.date ?? '');
  if (Number.isNaN(ts.getTime())) return bad(at, 'date: expected a time such as 2024-01-02T10:00:00');
  const service = raw.type === 'service';
  const fromId = service ? raw.actor_id : raw.from_id;
  if (!fromId) return bad(at, `${service ? 'actor_id' : 'from_id'}: missing`);
  const name = (service ? raw.actor : raw.from) ?? undefined;
  const kind = service ? 'system' : kindOf(raw);
  const text = flattenText(raw.text ?? '') || (service ? raw.action ?? '' : kind === 'text' ? raw.poll?.question ?? '' : `[${kind}]`);
  return {
    type: 'message',
    platform: 'telegram',
    room,
    id: String(raw.id),
    from: { id: fromId, ...(name ? { name } : {}) },
    text,
    ts,
    kind,
    ...(raw.reply_to_message_id !== undefined ? { replyTo: String(raw.reply_to_message_id) } : {}),
  };
}

/** Telegram's text: a string, or an array of strings and entities `{type, text}`. */
export function flattenText(text: string | TextPart[]): string {
  if (typeof text === 'string') return text;
  return text.map((part) => (typeof part === 'string' ? part : part.text ?? '')).join('');
}

function kindOf(raw: TelegramMessage): MessageKind {
  if (raw.photo) return 'image';
  if (raw.media_type === 'sticker') return 'emoticon';
  if (raw.media_type === 'voice_message' || raw.media_type === 'audio_file') return 'audio';
  if (raw.media_type === 'video_file' || raw.media_type === 'video_message' || raw.media_type === 'animation') return 'video';
  if (raw.location_information) return 'location';
  if (raw.contact_information) return 'contact';
  if (raw.file) return 'file';
  return 'text';
}
