/**
 * `npm run demo`: try OSSChat with no WeChat and no GitHub. A terminal chat (the stdio adapter,
 * plain lines in) talks to the real bot, which files issues in a local GitHub sandbox.
 * Options: --locale zh-CN|en (the bot's language), --keep (keep the data folder).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { demoBanner } from './demo/banner.js';
import { startDemoBot } from './demo/demo-bot.js';
import { demoConfigYaml, demoMember, type DemoLocale } from './demo/demo-config.js';
import { startSandbox, type Sandbox } from './demo/sandbox.js';
import { startTerminalChat } from './demo/terminal-chat.js';

const { values } = parseArgs({ options: { locale: { type: 'string', default: 'zh-CN' }, keep: { type: 'boolean', default: false } } });
if (values.locale !== 'zh-CN' && values.locale !== 'en') fail(`--locale: expected zh-CN or en, got ${values.locale}`);
const locale = values.locale as DemoLocale;

const sandbox = await startSandbox().catch((error: unknown) =>
  (error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND'
    ? fail('npm run demo needs the development install (its GitHub sandbox is the test server in test/fakes/github): run npm ci')
    : Promise.reject(error),
);
const dir = mkdtempSync(join(tmpdir(), 'osschat-demo-'));
const logFile = join(dir, 'osschat.log');
writeFileSync(join(dir, 'osschat.yaml'), demoConfigYaml(locale));
const bot = startDemoBot(botEnv(sandbox, dir), logFile);
const chat = startTerminalChat({ input: process.stdin, output: process.stdout, member: demoMember(locale), send: bot.send });
bot.onLine(chat.show);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => chat.close());

const botUrl = await bot.webUrl.catch((error: Error) => stop(1, error.message));
chat.note(demoBanner({ sandboxPages: sandbox.webUrl, sandboxApi: sandbox.apiUrl, bot: botUrl, dataDir: dir, kept: values.keep }));
const early = await Promise.race([chat.closed.then(() => false), bot.exited.then(() => true)]);
await stop(early ? 1 : 0, early ? 'the bot stopped' : undefined);

function botEnv(box: Sandbox, data: string): Record<string, string> {
  return { OSSCHAT_CONFIG: join(data, 'osschat.yaml'), DATABASE_URL: join(data, 'osschat.db'), GITHUB_API_URL: box.apiUrl, GITHUB_TOKEN: box.token, PORT: '0' };
}

/** Lets the bot finish what is due, then closes the sandbox and removes the data (unless --keep). */
async function stop(code: number, message?: string): Promise<never> {
  if (message) process.stderr.write(`${message}; the end of its log:\n${tail(logFile)}\n`);
  const botCode = await bot.end();
  await sandbox.close();
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
  process.exit(code || (botCode ?? 1));
}

function tail(file: string): string {
  return readFileSync(file, 'utf8').trim().split('\n').slice(-5).join('\n');
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}
