import type { Importer } from './import-record.js';
import { importDiscord } from './discord.js';
import { importSlack } from './slack.js';
import { importStdioJsonl } from './stdio-jsonl.js';
import { importTelegram } from './telegram.js';
import { importWeChatCsv } from './wechat-csv.js';
import { importWeChatText } from './wechat-text.js';
import { importWhatsApp } from './whatsapp.js';

export const IMPORT_FORMATS = ['jsonl', 'telegram', 'discord', 'slack', 'whatsapp', 'wechat-csv', 'wechat-text'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const IMPORTERS: Record<ImportFormat, Importer> = {
  jsonl: importStdioJsonl,
  telegram: importTelegram,
  discord: importDiscord,
  slack: importSlack,
  whatsapp: importWhatsApp,
  'wechat-csv': importWeChatCsv,
  'wechat-text': importWeChatText,
};
