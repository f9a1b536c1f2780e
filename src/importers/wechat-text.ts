import { basename, extname } from 'node:path';
import type { MessageKind } from '../core/types.js';
import { datedBlocks } from './dated-blocks.js';
import { MAX_LINE_BYTES, type ImportedMessage, type ImportItem, type ImporterOptions } from './import-record.js';
import { openFile, readLines } from './read-input.js';

/** `2024-01-02 10:00:00 张三` (a system message has no name), then the message's lines, then a blank line. */
const HEADER = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?: (.+))?$/;
const SYSTEM = { id: 'system', name: '系统消息' };
const PLACEHOLDERS: Record<string, MessageKind> = {
  '[图片]': 'image', '[语音]': 'audio', '[视频]': 'video', '[文件]': 'file', '[表情包]': 'emoticon', '[动画表情]': 'emoticon',
  '[链接]': 'url', '[小程序]': 'mini-program', '[位置]': 'location', '[名片]': 'contact', '[转账]': 'transfer', '[红包]': 'red-envelope',
  '[聊天记录]': 'chat-history',
};

/** WeChat group chat as plain text (WeChatMsg/MemoTrace TXT export and the tools that copy its layout). Times are local. */
export async function* importWeChatText(path: string, options: ImporterOptions = {}): AsyncGenerator<ImportItem> {
  const name = options.chat ?? basename(path, extname(path));
  const room = { id: name, topic: name };
  const parse = (line: string) => {
    const match = HEADER.exec(line);
    if (!match) return undefined;
    const ts = timeOf(match);
    return ts ? { ts, sender: match[7] } : 'invalid';
  };
  const maxBytes = options.maxLineBytes ?? MAX_LINE_BYTES;
  for await (const block of datedBlocks(readLines(openFile(path, options.onBytes), maxBytes), parse, '"YYYY-MM-DD hh:mm:ss name"', maxBytes)) {
    if (block.type === 'bad') {
      yield block;
      continue;
    }
    const { ts, sender } = block.head;
    const text = block.lines.join('\n').replace(/\n+$/, '');
    const kind = sender ? PLACEHOLDERS[text] ?? 'text' : 'system';
    yield { type: 'message', platform: 'wechat', room, ts, from: sender ? { id: sender, name: sender } : SYSTEM, text, kind } satisfies ImportedMessage;
  }
}

function timeOf(match: RegExpExecArray): Date | undefined {
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const date = new Date(year, month - 1, day, hour, minute, second);
  return date.getMonth() === month - 1 && date.getDate() === day && hour < 24 && minute < 60 ? date : undefined;
}
