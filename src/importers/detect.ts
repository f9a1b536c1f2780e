import { open, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { exportFiles, isZipFile } from './export-files.js';
import type { ImportFormat } from './formats.js';
import { isSlackFile } from './slack.js';
import { whatsappChatFile } from './whatsapp-chat-file.js';
import { WHATSAPP_HEADER } from './whatsapp-lines.js';
import { ExportLimitError, ZIP_LIMITS } from './zip-limits.js';

const HEAD_BYTES = 64 * 1024;
const WECHAT_TEXT_LINE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}( |$)/;
const WECHAT_CSV_HEADER = /^\uFEFF?"?localId"?,"?TalkerId"?,"?Type"?/;
const TELEGRAM_ACCOUNT = /"(personal_information|chats|left_chats)"\s*:/;
const TELEGRAM_CHAT_TYPE = /"type"\s*:\s*"(personal_chat|bot_chat|saved_messages|private_group|private_supergroup|public_supergroup|private_channel|public_channel)"/;

/**
 * Nothing tells the format of an export. `container` when it is a folder or zip (naming a format
 * cannot help then), `reason` when the zip cannot be read.
 */
export class UnknownFormatError extends Error {
  constructor(
    readonly path: string,
    readonly container: boolean,
    readonly reason?: string,
  ) {
    super(reason ? `cannot read ${path} as a zip: ${reason}` : `cannot tell the format of ${path}`);
  }
}

/**
 * The format of an export, from its content: a folder or zip (whatever its name) from the files
 * it holds, any other file from its first bytes. Throws UnknownFormatError when nothing fits.
 */
export async function detectFormat(path: string, maxEntries = ZIP_LIMITS.maxEntries): Promise<ImportFormat> {
  const container = (await stat(path)).isDirectory() || (await isZipFile(path));
  const format = container ? await formatOfFiles(path, maxEntries) : formatOfHead(await fileHead(path));
  if (!format) throw new UnknownFormatError(path, container);
  return format;
}

/** A folder or zip: Slack's lists and day files, or a WhatsApp chat text (of which only the head is read). */
async function formatOfFiles(path: string, maxEntries: number): Promise<ImportFormat | undefined> {
  const keep = (names: string[]) => (names.some(isSlackFile) ? [] : [whatsappChatFile(names)].filter((name): name is string => name !== undefined));
  let found: Awaited<ReturnType<typeof exportFiles>>;
  try {
    found = await exportFiles(path, { keep, zipLimits: { maxEntries, maxEntryBytes: Infinity, maxTotalBytes: Infinity } });
  } catch (error) {
    // Only a Slack export holds that many files: its importer stops with the limit and the option raising it.
    if (error instanceof ExportLimitError) return 'slack';
    throw new UnknownFormatError(path, true, (error as Error).message);
  }
  try {
    if (found.names.some(isSlackFile)) return 'slack';
    const chat = found.files[0];
    return chat && formatOfHead(await streamHead(await chat.open())) === 'whatsapp' ? 'whatsapp' : undefined;
  } finally {
    found.close();
  }
}

export function formatOfHead(text: string): ImportFormat | undefined {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const first = lines[0]?.replace(/^\uFEFF/, '') ?? '';
  if (WECHAT_CSV_HEADER.test(first)) return 'wechat-csv';
  if (lines.slice(0, 20).some((line) => WHATSAPP_HEADER.test(line.replace(/^\uFEFF/, '')))) return 'whatsapp';
  if (WECHAT_TEXT_LINE.test(first)) return 'wechat-text';
  if (isStdioLine(first)) return 'jsonl';
  if (/"guild"\s*:\s*\{/.test(text) && /"channel"\s*:\s*\{/.test(text)) return 'discord';
  if (TELEGRAM_ACCOUNT.test(text) || TELEGRAM_CHAT_TYPE.test(text) || /"date_unixtime"\s*:/.test(text)) return 'telegram';
  return undefined;
}

function isStdioLine(line: string): boolean {
  try {
    const value = JSON.parse(line) as { type?: unknown };
    return ['message', 'edit', 'recall'].includes(String(value.type));
  } catch {
    return false;
  }
}

async function fileHead(path: string): Promise<string> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await file.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await file.close();
  }
}

/** The first HEAD_BYTES of a stream; the rest is never read. */
async function streamHead(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      bytes += chunk.length;
      if (bytes >= HEAD_BYTES) break;
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, HEAD_BYTES).toString('utf8');
}
