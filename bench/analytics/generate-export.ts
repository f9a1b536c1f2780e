import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';
import { PHRASES } from '../ingest/phrases.js';
import { pick, seededRandom } from '../ingest/random.js';

export interface ExportSpec {
  messages: number;
  seed?: number;
  members?: number;
  /** First message time; the export spans `days` after it. */
  start?: Date;
  days?: number;
  chatName?: string;
}

interface GeneratedMessage {
  id: number;
  ts: number;
  member: number;
  text: string;
  link?: string;
  replyTo?: number;
  join: boolean;
}

const QUESTIONS = [
  '请问怎么在 Windows 上安装？', '怎么配置 GitHub Token？', '数据库迁移失败了怎么办？', '有没有 Docker 镜像？',
  '这个报错是什么意思？', '怎么升级到最新版本？', '支持 PostgreSQL 吗？', '机器人为什么不回复消息？',
  'How do I install it on Windows?', 'Is there a Docker image?', 'How do I configure the GitHub token?',
  'Does it support PostgreSQL?', 'Why does the bot not answer?', 'What does this error mean?',
];
const LINKS = ['https://github.com/osschat/osschat/issues/', 'https://github.com/osschat/osschat/pull/', 'https://docs.osschat.dev/guide/', 'https://stackoverflow.com/q/'];
const SURNAMES = ['张', '李', '王', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '艳', '杰', '军', '涛'];
const ENGLISH = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy'];

/** A member's display name: Chinese names and English handles, stable per index. */
export function memberName(index: number): string {
  if (index % 3 === 2) return `${ENGLISH[index % ENGLISH.length]}_${index}`;
  return `${SURNAMES[index % SURNAMES.length]}${GIVEN[Math.floor(index / SURNAMES.length) % GIVEN.length]}${index}`;
}

/** The messages of a realistic group: a few very active members, questions, links, replies, joins. */
export function* generateMessages(spec: ExportSpec): Generator<GeneratedMessage> {
  const random = seededRandom(spec.seed ?? 42);
  const members = spec.members ?? Math.max(20, Math.min(5000, Math.round(spec.messages / 200)));
  const start = (spec.start ?? new Date('2024-01-01T00:00:00Z')).getTime();
  const step = ((spec.days ?? 365) * 86_400_000) / Math.max(1, spec.messages);
  let ts = start;
  for (let id = 1; id <= spec.messages; id++) {
    ts += Math.floor(step * 2 * random()) + 1000;
    const member = Math.floor(members * random() ** 3);
    const roll = random();
    const join = roll < 0.005;
    const question = roll > 0.85;
    const link = roll > 0.78 && roll <= 0.85 ? `${pick(random, LINKS)}${1 + Math.floor(random() * 900)}` : undefined;
    const replyTo = id > 50 && random() < 0.15 ? id - 1 - Math.floor(random() * 50) : undefined;
    const text = join ? '' : question ? pick(random, QUESTIONS) : pick(random, PHRASES);
    yield { id, ts, member, text: link ? `${text} 参考 ` : text, link, replyTo, join };
  }
}

/** Wall-clock time in UTC+8 without an offset, as Telegram Desktop writes `date`. */
function localDate(ts: number): string {
  return new Date(ts + 8 * 3_600_000).toISOString().slice(0, 19);
}

function telegramMessage(message: GeneratedMessage): object {
  const base = { id: message.id, date: localDate(message.ts), date_unixtime: String(Math.floor(message.ts / 1000)) };
  const name = memberName(message.member);
  const fromId = `user${100_000 + message.member}`;
  if (message.join) return { ...base, type: 'service', actor: name, actor_id: fromId, action: 'join_group_by_link', inviter: 'Group', text: '', text_entities: [] };
  const entities = message.link ? [{ type: 'plain', text: message.text }, { type: 'link', text: message.link }] : [{ type: 'plain', text: message.text }];
  const text = message.link ? [message.text, { type: 'link', text: message.link }] : message.text;
  return { ...base, type: 'message', from: name, from_id: fromId, ...(message.replyTo ? { reply_to_message_id: message.replyTo } : {}), text, text_entities: entities };
}

function discordMessage(message: GeneratedMessage): object {
  const name = memberName(message.member);
  const author = { id: String(900_000_000_000 + message.member), name, discriminator: '0000', nickname: name, color: null, isBot: false, roles: [], avatarUrl: 'https://cdn.discordapp.com/embed/avatars/0.png' };
  const content = message.link ? `${message.text}${message.link}` : message.text || 'joined';
  return {
    id: String(1_100_000_000_000_000_000n + BigInt(message.id)),
    type: message.replyTo ? 'Reply' : 'Default',
    timestamp: new Date(message.ts).toISOString().replace('Z', '+00:00'),
    timestampEdited: null, callEndedTimestamp: null, isPinned: false, content, author,
    attachments: [], embeds: [], stickers: [], reactions: [], mentions: [],
    ...(message.replyTo ? { reference: { messageId: String(1_100_000_000_000_000_000n + BigInt(message.replyTo)), channelId: '800000000000000001', guildId: '700000000000000001' } } : {}),
  };
}

async function writeJson(path: string, head: string, tail: string, spec: ExportSpec, toJson: (message: GeneratedMessage) => object): Promise<void> {
  const out = createWriteStream(path);
  let chunk = head;
  let first = true;
  for (const message of generateMessages(spec)) {
    chunk += `${first ? '' : ',\n'}  ${JSON.stringify(toJson(message))}`;
    first = false;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(`${chunk}\n${tail}`);
  await once(out, 'finish');
}

/** Writes a Telegram Desktop single-chat `result.json` with `spec.messages` messages, streamed to disk. */
export function writeTelegramExport(path: string, spec: ExportSpec): Promise<void> {
  const head = `{\n "name": ${JSON.stringify(spec.chatName ?? 'OSSChat 开发者群')},\n "type": "private_supergroup",\n "id": 1234567890,\n "messages": [\n`;
  return writeJson(path, head, ' ]\n}\n', spec, telegramMessage);
}

/** Writes a DiscordChatExporter JSON export of one channel with `spec.messages` messages. */
export function writeDiscordExport(path: string, spec: ExportSpec): Promise<void> {
  const guild = { id: '700000000000000001', name: 'OSSChat', iconUrl: 'https://cdn.discordapp.com/embed/avatars/0.png' };
  const channel = { id: '800000000000000001', type: 'GuildTextChat', categoryId: '750000000000000001', category: 'Text Channels', name: spec.chatName ?? 'general', topic: null };
  const head = `{\n "guild": ${JSON.stringify(guild)},\n "channel": ${JSON.stringify(channel)},\n "dateRange": {"after": null, "before": null},\n "exportedAt": "2025-01-01T00:00:00+00:00",\n "messages": [\n`;
  return writeJson(path, head, ` ],\n "messageCount": ${spec.messages}\n}\n`, spec, discordMessage);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [out = 'result.json', count = '1000', format = 'telegram'] = process.argv.slice(2);
  const write = format === 'discord' ? writeDiscordExport : writeTelegramExport;
  await write(out, { messages: Number(count) });
  console.error(`wrote ${count} ${format} messages to ${out}`);
}
