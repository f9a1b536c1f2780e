import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { ImportFormat } from './formats.js';

const HEAD_BYTES = 64 * 1024;
const WHATSAPP_LINE = /^\u200e?(\[\d{1,4}[./-]\d{1,2}[./-]\d{1,4},? \d{1,2}:\d{2}(:\d{2})?(\s?[APap]\.?\s?[Mm]\.?)?\] |\d{1,4}[./-]\d{1,2}[./-]\d{1,4},? \d{1,2}:\d{2}(\s?[APap]\.?\s?[Mm]\.?)? - )/;
const WECHAT_TEXT_LINE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}( |$)/;
const WECHAT_CSV_HEADER = /^\uFEFF?"?localId"?,"?TalkerId"?,"?Type"?/;
const TELEGRAM_ACCOUNT = /"(personal_information|chats|left_chats)"\s*:/;
const TELEGRAM_CHAT_TYPE = /"type"\s*:\s*"(personal_chat|bot_chat|saved_messages|private_group|private_supergroup|public_supergroup|private_channel|public_channel)"/;

/** The format of an export, from its name and first bytes; undefined when nothing fits. */
export async function detectFormat(path: string): Promise<ImportFormat | undefined> {
  const info = await stat(path);
  if (info.isDirectory() || extname(path).toLowerCase() === '.zip') return 'slack';
  return formatOfHead(await head(path));
}

export function formatOfHead(text: string): ImportFormat | undefined {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const first = lines[0]?.replace(/^\uFEFF/, '') ?? '';
  if (WECHAT_CSV_HEADER.test(first)) return 'wechat-csv';
  if (lines.slice(0, 20).some((line) => WHATSAPP_LINE.test(line))) return 'whatsapp';
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

async function head(path: string): Promise<string> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await file.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await file.close();
  }
}
