import qrcodeTerminal from 'qrcode-terminal';
import { ScanStatus, WechatyBuilder, type OfficialPuppetNpmName, type Wechaty } from 'wechaty';

export interface CreateWechatyOptions {
  /** Session name: Wechaty keeps the login in `<name>.memory-card.json` in the working directory. */
  name: string;
  /** Puppet module, `wechaty-puppet-wechat4u` by default. */
  puppet?: OfficialPuppetNpmName;
  /** Token for puppets that need one, e.g. `wechaty-puppet-service`. */
  token?: string;
}

export const DEFAULT_PUPPET: OfficialPuppetNpmName = 'wechaty-puppet-wechat4u';

/** Builds (does not start) a Wechaty bot from values passed in. */
export function createWechaty(options: CreateWechatyOptions): Wechaty {
  const { name, puppet = DEFAULT_PUPPET, token } = options;
  return WechatyBuilder.build({ name, puppet, puppetOptions: token ? { token } : undefined });
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
