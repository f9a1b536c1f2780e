import qrcodeTerminal from 'qrcode-terminal';
import { ScanStatus, WechatyBuilder, type OfficialPuppetNpmName, type Wechaty } from 'wechaty';
import { paceLoginRetries } from './login-backoff.js';
import { LoginFileCard, loginFilePath, type LoginFileLog } from './login-file.js';

export interface CreateWechatyOptions {
  /** Session name: Wechaty keeps the login in `<name>.memory-card.json` in the working directory. */
  name: string;
  /** Puppet module, `wechaty-puppet-wechat4u` by default. */
  puppet?: OfficialPuppetNpmName;
  /** Token for puppets that need one, e.g. `wechaty-puppet-service`. */
  token?: string;
  /** Told when the saved login is unreadable and set aside, and at each step of the login backoff. */
  log?: LoginFileLog;
}

export const DEFAULT_PUPPET: OfficialPuppetNpmName = 'wechaty-puppet-wechat4u';

/** Builds (does not start) a Wechaty bot from values passed in. */
export function createWechaty(options: CreateWechatyOptions): Wechaty {
  const { name, puppet = DEFAULT_PUPPET, token, log = { warn: () => undefined } } = options;
  const memory = new LoginFileCard({ name, loginFile: { path: loginFilePath(name), log } });
  const wechaty = WechatyBuilder.build({ name, puppet, puppetOptions: token ? { token } : undefined, memory });
  paceLoginRetries(wechaty, log);
  return wechaty;
}

/** Prints a login QR code to stderr, with a link that renders it in a browser. */
export function printLoginQr(qrcode: string, status: ScanStatus, out: NodeJS.WritableStream = process.stderr): void {
  if (status !== ScanStatus.Waiting && status !== ScanStatus.Timeout) {
    out.write(`WeChat login: ${ScanStatus[status] ?? status}\n`);
    return;
  }
  qrcodeTerminal.generate(qrcode, { small: true }, (ascii) => out.write(`${ascii}\n`));
  out.write(`Scan with WeChat, or open https://wechaty.js.org/qrcode/${encodeURIComponent(qrcode)}\n`);
}
