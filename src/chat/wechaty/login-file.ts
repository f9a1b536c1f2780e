import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { MemoryCard } from 'memory-card';

type CardOptions = Exclude<ConstructorParameters<typeof MemoryCard>[0], string | undefined>;
// memory-card's own payload type is not exported; wechat4u stores objects in it too.
type Payload = Record<string, string | number>;

export interface LoginFileLog {
  warn(obj: object, msg: string): void;
}

export interface LoginFile {
  path: string;
  log: LoginFileLog;
}

/** Where Wechaty keeps the session `name`: NAME.memory-card.json in the working directory, as its own card does. */
export function loginFilePath(name: string): string {
  const path = resolve(name);
  return path.endsWith('.memory-card.json') ? path : `${path}.memory-card.json`;
}

/**
 * Wechaty's memory card (the WeChat login, written again at every login and logout) kept in one
 * file that is never left empty or half-written: each save goes to a temporary file beside it,
 * reaches the disk, then replaces the file in one rename. A file found unreadable at start is set
 * aside with one warning, and the bot asks for a fresh login.
 */
export class LoginFileCard extends MemoryCard {
  private readonly file?: LoginFile;
  private writes: Promise<void> = Promise.resolve();

  // Wechaty multiplexes the card for its puppet by calling this constructor with the same options.
  constructor(options: CardOptions & { loginFile?: LoginFile }) {
    super(options);
    if (options.multiplex || !options.loginFile) return;
    this.file = options.loginFile;
    removeUnfinishedSaves(this.file.path);
    // Read now: Wechaty never loads a card it is given, and its puppet copies the payload when multiplexing.
    this.payload = readLoginFile(this.file);
  }

  override async load(): Promise<void> {
    if (!this.file) await super.load();
  }

  override async save(): Promise<void> {
    const file = this.file;
    if (!file) return super.save();
    const text = JSON.stringify(this.payload ?? {});
    // One save at a time, in call order: the last one called is the one left on disk.
    this.writes = this.writes.catch(() => undefined).then(() => writeAtomically(file.path, text));
    return this.writes;
  }
}

/** Temporary files of saves cut short by the end of an earlier process (the login file itself is whole). */
function removeUnfinishedSaves(path: string): void {
  const unfinished = new RegExp(`^${escapeRegExp(basename(path))}\\.\\d+\\.tmp$`);
  const folder = dirname(path);
  if (!existsSync(folder)) return;
  for (const name of readdirSync(folder)) if (unfinished.test(name)) rmSync(join(folder, name), { force: true });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function readLoginFile({ path, log }: LoginFile): Payload {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  const problem = payloadProblem(text);
  if (!problem) return JSON.parse(text) as Payload;
  const keptAs = `${path}.corrupt`;
  renameSync(path, keptAs);
  log.warn({ file: path, problem, keptAs }, 'wechat: the saved login could not be read and was set aside; scan the QR code to log in again');
  return {};
}

function payloadProblem(text: string): string | undefined {
  if (text.trim() === '') return 'empty';
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? undefined : 'not a JSON object';
  } catch (error) {
    return `not JSON (${(error as Error).message})`;
  }
}

/** The file holds the session's cookies: readable by its owner only. */
async function writeAtomically(path: string, text: string): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
