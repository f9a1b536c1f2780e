import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { IMPORTERS, type ImportFormat } from '../../src/importers/formats.js';
import type { ImportItem } from '../../src/importers/import-record.js';
import { runImport } from '../../src/importers/run-import.js';
import { openStore } from '../../src/store/open-store.js';
import { mutate, seeded, within } from './fuzz-input.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/exports/', import.meta.url));
const CASES: [ImportFormat, string][] = [
  ['jsonl', 'stdio.jsonl'], ['telegram', 'telegram-chat.json'], ['telegram', 'telegram-account.json'], ['discord', 'discord.json'],
  ['slack', 'slack.zip'], ['whatsapp', 'whatsapp-ios.txt'], ['whatsapp', 'whatsapp-android.txt'], ['wechat-csv', 'OSSChat 开发者群_utf8.csv'], ['wechat-text', 'wechat-group.txt'],
];
const ROUNDS = 40;
const dir = mkdtempSync(join(tmpdir(), 'osschat-fuzz-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function expectWellFormed(item: ImportItem): void {
  if (item.type === 'bad') {
    expect(item.at).toBeTruthy();
    expect(item.reason).toBeTruthy();
    return;
  }
  expect(typeof item.room.id).toBe('string');
  expect(item.room.id).not.toBe('');
  expect(Number.isNaN(item.ts.getTime())).toBe(false);
  if (item.type === 'message') {
    expect(typeof item.from.id).toBe('string');
    expect(typeof item.text).toBe('string');
  }
}

/** Reads the whole file: every item well formed, or a thrown Error with a message; never a hang. */
async function readAll(format: ImportFormat, path: string): Promise<{ items: number; error?: string }> {
  let items = 0;
  try {
    for await (const item of IMPORTERS[format](path)) {
      expectWellFormed(item);
      items++;
    }
    return { items };
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBeTruthy();
    return { items, error: (error as Error).message };
  }
}

describe('every importer on mutated exports', () => {
  it.each(CASES)('%s (%s): items or a clear error, within 5 s each', async (format, name) => {
    const original = readFileSync(join(FIXTURES, name));
    const random = seeded(name.length * 7919);
    for (let round = 0; round < ROUNDS; round++) {
      const path = join(dir, `${round}-${name}`);
      writeFileSync(path, mutate(original, random));
      await within(5000, `${format} on mutation ${round} of ${name}`, readAll(format, path));
    }
  });

  it('slack folder export with mutated channel files', async () => {
    const random = seeded(42);
    const files = ['channels.json', 'users.json', 'general/2024-01-02.json', 'general/2024-01-03.json', 'random/2024-01-02.json'];
    for (let round = 0; round < 20; round++) {
      const copy = join(dir, `slack-${round}`);
      cpSync(join(FIXTURES, 'slack'), copy, { recursive: true });
      for (const file of files) if (random() < 0.5) writeFileSync(join(copy, file), mutate(readFileSync(join(copy, file)), random));
      await within(5000, `slack folder mutation ${round}`, readAll('slack', copy));
    }
  });

  it('empty, binary and truncated inputs through runImport give a report, never a throw', async () => {
    const store = await openStore(':memory:');
    const random = seeded(7);
    const inputs: [ImportFormat, Buffer][] = CASES.flatMap(([format, name]) => {
      const bytes = readFileSync(join(FIXTURES, name));
      return [[format, Buffer.alloc(0)], [format, bytes.subarray(0, Math.floor(bytes.length / 2))], [format, Buffer.from(Array.from({ length: 512 }, () => Math.floor(random() * 256)))]] as [ImportFormat, Buffer][];
    });
    for (const [i, [format, bytes]] of inputs.entries()) {
      const path = join(dir, `run-${i}`);
      writeFileSync(path, bytes);
      const report = await within(5000, `runImport ${format} input ${i}`, runImport(store, path, { format }));
      expect(report.added + report.duplicates + report.bad).toBeGreaterThanOrEqual(0);
    }
    await store.close();
  });
});

