import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WechatyBuilder } from 'wechaty';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { LoginFileCard, loginFilePath } from '../../../src/chat/wechaty/login-file.js';

interface Warning {
  obj: Record<string, unknown>;
  msg: string;
}

function loginFile(): { path: string; dir: string; warnings: Warning[]; card: () => LoginFileCard } {
  const dir = mkdtempSync(join(tmpdir(), 'osschat-login-'));
  const path = join(dir, 'osschat.memory-card.json');
  const warnings: Warning[] = [];
  const log = { warn: (obj: object, msg: string) => void warnings.push({ obj: obj as Record<string, unknown>, msg }) };
  return { path, dir, warnings, card: () => new LoginFileCard({ name: 'osschat', loginFile: { path, log } }) };
}

/** A real Wechaty on the mock puppet, keeping its memory in `card`; the puppet gets a multiplexed part of it, as wechat4u's does. */
async function wechatyWith(card: LoginFileCard) {
  const puppet = new PuppetMock({ mocker: new mock.Mocker() });
  const wechaty = WechatyBuilder.build({ puppet, memory: card });
  await wechaty.start();
  return { puppet, stop: () => wechaty.stop() };
}

describe('the WeChat login file (real Wechaty, puppet-mock)', () => {
  it('keeps what the puppet saves across a restart, in a file only its owner reads, with no temporary file left', async () => {
    const file = loginFile();
    const first = await wechatyWith(file.card());
    await first.puppet.memory.set('session', { uin: 42, cookie: 'c=1' });
    await first.puppet.memory.save();
    await first.stop();
    const saved = Object.entries(JSON.parse(readFileSync(file.path, 'utf8')) as Record<string, unknown>);
    expect(saved).toEqual([[expect.stringContaining('session'), { uin: 42, cookie: 'c=1' }]]);
    expect(statSync(file.path).mode & 0o777).toBe(0o600);
    expect(readdirSync(file.dir)).toEqual(['osschat.memory-card.json']);
    // A save cut short by the end of an earlier process left its temporary file: the next start removes it.
    writeFileSync(`${file.path}.4242.tmp`, '{"half');
    const second = await wechatyWith(file.card());
    expect(readdirSync(file.dir)).toEqual(['osschat.memory-card.json']);
    expect(await second.puppet.memory.get('session')).toEqual({ uin: 42, cookie: 'c=1' });
    await second.stop();
  });

  it('never shows a reader a half-written file while a save is under way', async () => {
    const file = loginFile();
    writeFileSync(file.path, JSON.stringify({ old: 'login' }));
    const card = file.card();
    for (let at = 0; at < 40_000; at++) await card.set(`key${at}`, `value ${at} `.repeat(10));
    const seen: string[] = [];
    let saving = true;
    const saved = card.save().finally(() => (saving = false));
    while (saving) {
      seen.push(readFileSync(file.path, 'utf8'));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await saved;
    expect(seen.length).toBeGreaterThan(1);
    for (const text of seen) expect(() => JSON.parse(text)).not.toThrow();
    expect(Object.keys(JSON.parse(readFileSync(file.path, 'utf8')) as object)).toHaveLength(40_001);
  });

  it('a save that fails leaves the previous login whole', async () => {
    const file = loginFile();
    writeFileSync(file.path, JSON.stringify({ old: 'login' }));
    const card = file.card();
    await card.set('new', 'login');
    // The temporary file cannot be created: as when the disk is full or the folder read-only.
    mkdirSync(`${file.path}.${process.pid}.tmp`);
    await expect(card.save()).rejects.toThrow();
    expect(JSON.parse(readFileSync(file.path, 'utf8'))).toEqual({ old: 'login' });
  });

  it.each([
    ['an empty', '', 'empty'],
    ['a cut-short', '{"\\rpuppet\\nsession":{"uin":4', 'not JSON'],
    ['a non-object', '[1,2]', 'not a JSON object'],
  ])('%s file at start: one warning, a fresh login, the file kept aside', async (_name, text, problem) => {
    const file = loginFile();
    writeFileSync(file.path, text);
    const started = await wechatyWith(file.card());
    expect(file.warnings).toHaveLength(1);
    expect(file.warnings[0]!.msg).toBe('wechat: the saved login could not be read and was set aside; scan the QR code to log in again');
    expect(file.warnings[0]!.obj).toMatchObject({ file: file.path, problem: expect.stringContaining(problem), keptAs: `${file.path}.corrupt` });
    expect(readFileSync(`${file.path}.corrupt`, 'utf8')).toBe(text);
    expect(await started.puppet.memory.get('session')).toBeUndefined();
    await started.puppet.memory.set('session', 'fresh');
    await started.puppet.memory.save();
    await started.stop();
    expect(existsSync(file.path)).toBe(true);
    expect(Object.values(JSON.parse(readFileSync(file.path, 'utf8')) as object)).toEqual(['fresh']);
  });

  it('is named as Wechaty names it: NAME.memory-card.json in the working directory', () => {
    expect(loginFilePath('osschat')).toBe(join(process.cwd(), 'osschat.memory-card.json'));
    expect(loginFilePath('/srv/bot.memory-card.json')).toBe('/srv/bot.memory-card.json');
  });
});
