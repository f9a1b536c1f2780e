import type { OfficialPuppetNpmName } from 'wechaty';
import type { Config } from '../../config/schema.js';
import type { Logger } from '../../core/logger.js';
import type { ChatAdapter } from '../chat-adapter.js';
import { createWechaty, printLoginQr } from './create-wechaty.js';
import { createWechatyAdapter } from './wechaty-adapter.js';

/** A Wechaty adapter for `chat.wechaty` settings, printing the login QR code in the terminal. */
export function startWechatyAdapter(settings: Config['chat']['wechaty'], log: Logger): ChatAdapter {
  const wechaty = createWechaty({ name: settings.name, puppet: settings.puppet as OfficialPuppetNpmName, token: settings.token, log });
  return createWechatyAdapter({ wechaty, log, onScan: (qrcode, status) => printLoginQr(qrcode, status) });
}
