import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Readable } from 'node:stream';
import { exportFiles, isZipFile } from './export-files.js';
import { openFile } from './read-input.js';
import type { ZipLimits } from './zip-limits.js';

/** The text of a WhatsApp chat export: a `.txt`, or the chat file in a `.zip` (with or without media) or its folder. */
export interface WhatsAppChat {
  /** The chat's name, from the file names ("WhatsApp Chat - NAME.zip", "与NAME的 WhatsApp 聊天.txt"). */
  name: string;
  /** Opens the chat text; `onBytes` counts the bytes read from the input. */
  open(onBytes?: (bytes: number) => void): Promise<Readable>;
  close(): void;
}

/** How WhatsApp names an exported chat, in English, Simplified and Traditional Chinese. */
const NAMED_CHAT = [/^WhatsApp Chat (?:with |- )(.+)$/i, /^与(.+?)的\s*WhatsApp\s*聊天$/i, /^與(.+?)的\s*WhatsApp\s*對話$/i];
const stem = (name: string) => basename(name, extname(name));

/** The chat's name from a file name: what WhatsApp put after "WhatsApp Chat with", else the name itself. */
export function chatNameOf(file: string): string {
  for (const pattern of NAMED_CHAT) {
    const match = pattern.exec(stem(file));
    if (match) return match[1]!.trim();
  }
  return stem(file);
}

/**
 * The chat text among an export's files: `_chat.txt` (iOS), a `.txt` named like a chat (Android,
 * "WhatsApp Chat with NAME.txt"), or the only `.txt`; at the top or one folder down.
 */
export function whatsappChatFile(names: readonly string[]): string | undefined {
  const texts = names.filter((name) => name.split('/').length <= 2 && /\.txt$/i.test(name));
  return texts.find((name) => stem(name) === '_chat') ?? texts.find((name) => NAMED_CHAT.some((pattern) => pattern.test(stem(name)))) ?? (texts.length === 1 ? texts[0] : undefined);
}

/** Finds the chat text of `path`; in a zip, only that file is checked against the zip limits. */
export async function openWhatsAppChat(path: string, zipLimits?: ZipLimits): Promise<WhatsAppChat> {
  if (!(await stat(path)).isDirectory() && !(await isZipFile(path))) return { name: chatNameOf(path), open: async (onBytes) => openFile(path, onBytes), close: () => undefined };
  let count: ((bytes: number) => void) | undefined;
  const keep = (names: string[]) => [whatsappChatFile(names)].filter((name): name is string => name !== undefined);
  const { files, close } = await exportFiles(path, { ...(zipLimits ? { zipLimits } : {}), keep, onBytes: (bytes) => count?.(bytes) });
  const chat = files[0];
  if (!chat) {
    close();
    throw new Error(`${basename(path)} holds no WhatsApp chat (_chat.txt, or "WhatsApp Chat with NAME.txt")`);
  }
  const open = (onBytes?: (bytes: number) => void) => {
    count = onBytes;
    return chat.open();
  };
  return { name: chatNameOf(stem(chat.name) === '_chat' ? path : chat.name), open, close };
}
