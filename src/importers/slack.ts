import type { Readable } from 'node:stream';
import type { MessageKind } from '../core/types.js';
import { chatName, chooseChats, type ExportChat } from './chat-choice.js';
import { exportFiles, type ExportFile } from './export-files.js';
import { bad, skipped, tooLarge, type ImportItem, type ImporterOptions } from './import-record.js';
import type { JsonPath } from './json-scanner.js';
import { drainEachChunk, scanJson } from './read-input.js';

interface SlackMessage {
  type?: string;
  subtype?: string;
  ts?: string;
  user?: string;
  bot_id?: string;
  username?: string;
  text?: string;
  thread_ts?: string;
  user_profile?: { display_name?: string; real_name?: string };
  files?: { name?: string }[];
}

interface SlackUser {
  id: string;
  name?: string;
  real_name?: string;
  profile?: { display_name?: string; real_name?: string };
}

const LISTS = ['channels.json', 'groups.json', 'mpims.json', 'dms.json'];
const SYSTEM_SUBTYPES = /^(channel|group)_(join|leave|topic|purpose|name|archive|unarchive)$|^pinned_item$/;
const DAY_FILE = /^([^/]+)\/\d{4}-\d{2}-\d{2}\.json$/;

/** A file name that only a Slack export holds: a channel list, users.json, or a channel's day. */
export function isSlackFile(name: string): boolean {
  return /(^|\/)(users|channels|groups|mpims|dms)\.json$/.test(name) || /(^|\/)[^/]+\/\d{4}-\d{2}-\d{2}\.json$/.test(name);
}

/**
 * Slack workspace export (folder or .zip): `users.json`, `channels.json` (and groups, mpims,
 * dms) and one folder per channel holding a JSON array of messages per day (`2024-01-02.json`).
 */
export async function* importSlack(path: string, options: ImporterOptions = {}): AsyncGenerator<ImportItem> {
  const { files, close } = await exportFiles(path, options);
  try {
    const byName = new Map(files.map((file) => [file.name, file]));
    const users = new Map<string, string | undefined>();
    await readList<SlackUser>(byName.get('users.json'), (user) => users.set(user.id, displayName(user)));
    const channelIds = new Map<string, string>();
    for (const list of LISTS) await readList<{ id: string; name?: string }>(byName.get(list), (channel) => channelIds.set(channel.name ?? channel.id, channel.id));
    const days = files.filter((file) => DAY_FILE.test(file.name)).sort((a, b) => (a.name < b.name ? -1 : 1));
    const folderOf = (day: ExportFile) => DAY_FILE.exec(day.name)![1]!;
    const rooms = new Map<string, ExportChat>(days.map(folderOf).map((folder) => [folder, { id: channelIds.get(folder) ?? folder, topic: folder }]));
    const chosen = chooseChats(options.chat, [...rooms.values()]);
    for (const room of rooms.values()) if (!chosen(room)) yield skipped('other-chat', chatName(room));
    for (const day of days) {
      const room = rooms.get(folderOf(day))!;
      if (chosen(room)) yield* readDay(await day.open(), day.name, (raw, at) => parseSlackMessage(raw, room, users, at));
    }
  } finally {
    close();
  }
}

function readDay(stream: Readable, name: string, parse: (raw: SlackMessage, at: string) => ImportItem): AsyncGenerator<ImportItem> {
  const pending: ImportItem[] = [];
  const select = (p: JsonPath) => (p.length === 0 ? 'descend' : p.length === 1 ? 'parse' : 'skip');
  const at = (p: JsonPath) => `${name}[${String(p[0])}]`;
  const onValue = (p: JsonPath, value: unknown) => pending.push(parse(value as SlackMessage, at(p)));
  const onTooLarge = (p: JsonPath, chars: number) => pending.push(tooLarge(at(p), chars));
  return drainEachChunk(pending, scanJson(stream, { select, onValue, onTooLarge }));
}

/** Streams the items of a JSON array file (users.json, channels.json) to `onItem`, never holding the file. */
async function readList<T>(file: ExportFile | undefined, onItem: (item: T) => void): Promise<void> {
  if (!file) return;
  const select = (p: JsonPath) => (p.length === 0 ? 'descend' : p.length === 1 && typeof p[0] === 'number' ? 'parse' : 'skip');
  const onValue = (_: JsonPath, value: unknown) => {
    if (typeof value === 'object' && value !== null) onItem(value as T);
  };
  // A user or channel too large to build is passed over: its messages are still read.
  for await (const _ of scanJson(await file.open(), { select, onValue, onTooLarge: () => undefined }));
}

function displayName(user: SlackUser): string | undefined {
  return user.profile?.display_name || user.profile?.real_name || user.real_name || user.name;
}

export function parseSlackMessage(raw: SlackMessage, room: { id: string; topic?: string }, users: Map<string, string | undefined>, at: string): ImportItem {
  if (typeof raw !== 'object' || raw === null) return bad(at, 'expected an object');
  const seconds = Number(raw.ts);
  if (!raw.ts || Number.isNaN(seconds)) return bad(at, 'ts: expected a Slack timestamp such as "1704160800.000100"');
  const fromId = raw.user ?? raw.bot_id;
  if (!fromId) return bad(at, 'user: missing');
  const name = users.get(fromId) ?? (raw.user_profile?.display_name || raw.user_profile?.real_name || raw.username);
  const kind: MessageKind = raw.subtype && SYSTEM_SUBTYPES.test(raw.subtype) ? 'system' : raw.files?.length && !raw.text ? 'file' : 'text';
  return {
    type: 'message',
    platform: 'slack',
    room,
    id: raw.ts,
    from: { id: fromId, ...(name ? { name } : {}) },
    text: slackText(raw.text ?? '', users) || (kind === 'file' ? `[file] ${raw.files?.[0]?.name ?? ''}`.trim() : ''),
    ts: new Date(Math.round(seconds * 1000)),
    kind,
    ...(raw.thread_ts && raw.thread_ts !== raw.ts ? { replyTo: raw.thread_ts } : {}),
  };
}

/** Slack's markup to plain text: `<@U1>` → `@name`, `<url|label>` → `url`, entities decoded. */
export function slackText(text: string, users: Map<string, string | undefined>): string {
  return text
    .replace(/<@([A-Z0-9]+)(?:\|([^>]+))?>/g, (_, id: string, label?: string) => `@${users.get(id) ?? label ?? id}`)
    .replace(/<#[A-Z0-9]+\|([^>]+)>/g, '#$1')
    .replace(/<!(here|channel|everyone)>/g, '@$1')
    .replace(/<((?:https?|mailto):[^|>]+)(?:\|[^>]+)?>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
