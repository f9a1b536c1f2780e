import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { IMPORTERS, type ImportFormat } from '../../src/importers/formats.js';
import type { ImportItem } from '../../src/importers/import-record.js';
import { runImport } from '../../src/importers/run-import.js';
import { ExportLimitError } from '../../src/importers/zip-limits.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
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
  if (item.type === 'bad' || item.type === 'skipped') {
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

/**
 * What an importer threw when its input broke off: a plain Error (the JSON scanner, the zip
 * reader, zlib) or an ExportLimitError, with a message. A TypeError or an assertion error is a
 * bug and is rethrown, never taken for a clean stop.
 */
function expectImporterError(error: unknown): string {
  if (!(error instanceof ExportLimitError) && (!(error instanceof Error) || error.constructor !== Error)) throw error;
  expect(error.message).toBeTruthy();
  return error.message;
}

/** Reads the whole file: every item well formed, then the end or a clean importer error; never a hang. */
async function readAll(format: ImportFormat, path: string): Promise<{ items: number; error?: string }> {
  const items: ImportItem[] = [];
  let error: string | undefined;
  // Only the importer runs inside the try: an assertion failing below cannot be swallowed.
  try {
    for await (const item of IMPORTERS[format](path)) items.push(item);
  } catch (thrown) {
    error = expectImporterError(thrown);
  }
  items.forEach(expectWellFormed);
  return error === undefined ? { items: items.length } : { items: items.length, error };
}

/** Every item the importer reads is counted exactly once, and a broken input is named in the report. */
async function expectEveryItemCounted(store: Store, format: ImportFormat, path: string, what: string): Promise<void> {
  const read = await within(5000, what, readAll(format, path));
  const report = await within(5000, `runImport ${what}`, runImport(store, path, { format }));
  expect(report.added + report.duplicates + report.bad + report.systemLines + report.skippedChats.length, what).toBe(read.items);
  expect(report.stoppedBy, what).toBe(read.error);
  expect(report.writeFailed, what).toBeUndefined();
}

describe('every importer on mutated exports', () => {
  it.each(CASES)('%s (%s): items or a clear error, each counted once by runImport, within 5 s each', async (format, name) => {
    const store = await openStore(':memory:');
    const original = readFileSync(join(FIXTURES, name));
    const random = seeded(name.length * 7919);
    for (let round = 0; round < ROUNDS; round++) {
      const path = join(dir, `${round}-${name}`);
      writeFileSync(path, mutate(original, random));
      await expectEveryItemCounted(store, format, path, `${format} on mutation ${round} of ${name}`);
    }
    await store.close();
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

  it('empty, binary and truncated inputs through runImport give a report counting every item once, never a throw', async () => {
    const store = await openStore(':memory:');
    const random = seeded(7);
    const inputs: [ImportFormat, Buffer][] = CASES.flatMap(([format, name]) => {
      const bytes = readFileSync(join(FIXTURES, name));
      return [[format, Buffer.alloc(0)], [format, bytes.subarray(0, Math.floor(bytes.length / 2))], [format, Buffer.from(Array.from({ length: 512 }, () => Math.floor(random() * 256)))]] as [ImportFormat, Buffer][];
    });
    for (const [i, [format, bytes]] of inputs.entries()) {
      const path = join(dir, `run-${i}`);
      writeFileSync(path, bytes);
      await expectEveryItemCounted(store, format, path, `${format} input ${i}`);
    }
    await store.close();
  });
});

