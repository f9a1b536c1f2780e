import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { kbFormatOf, parseKb, type KbFormat } from '../core/faq/parse-kb.js';
import { faqFromConfig } from '../faq-from-config.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { configOrExit } from './shared.js';

async function withStore<T>(configFile: string | undefined, work: (store: Store, config: ReturnType<typeof configOrExit>) => Promise<T>): Promise<T> {
  const config = configOrExit(configFile);
  const store = await openStore(config.database.url);
  try {
    return await work(store, config);
  } finally {
    await store.close();
  }
}

export async function faqImportCommand(file: string, options: { format?: KbFormat; config?: string }): Promise<void> {
  const format = options.format ?? kbFormatOf(file);
  if (!format) {
    process.stderr.write(`cannot tell the format of ${file}: name it .yaml, .csv or .md, or pass --format yaml|csv|markdown\n`);
    process.exitCode = 2;
    return;
  }
  const report = parseKb(readFileSync(file, 'utf8'), format);
  const counts = { created: 0, updated: 0, unchanged: 0 };
  await withStore(options.config, async (store) => {
    for (const entry of report.entries) counts[await store.faq.upsert(entry)] += 1;
  });
  for (const error of report.errors) process.stderr.write(`${file}:${error.line}: ${error.message}\n`);
  process.stdout.write(`imported ${report.entries.length} entries from ${file}: ${counts.created} new, ${counts.updated} updated, ${counts.unchanged} unchanged; ${report.errors.length} bad records\n`);
  process.exitCode = report.errors.length > 0 ? 1 : 0;
}

export async function faqExportCommand(options: { config?: string }): Promise<void> {
  const entries = await withStore(options.config, (store) => store.faq.list());
  const plain = entries.map(({ id, questions, answer, url, tags }) => ({ id, questions, answer, ...(url ? { url } : {}), ...(tags.length ? { tags } : {}) }));
  process.stdout.write(stringify(plain));
}

export async function faqAskCommand(text: string, options: { json?: boolean; config?: string }): Promise<void> {
  const result = await withStore(options.config, async (store, config) => {
    const faq = await faqFromConfig(config, store);
    if (!faq) throw new Error('the FAQ is disabled (faq.enabled: false)');
    const { match, candidates } = faq.ask(text);
    const view = (c: (typeof candidates)[number]) => ({ id: c.id, question: c.question, answer: c.answer, score: Number(c.score.toFixed(4)) });
    return { match: match && view(match), candidates: candidates.map(view) };
  });
  if (options.json) return void process.stdout.write(`${JSON.stringify(result)}\n`);
  process.stdout.write(result.match ? `${result.match.answer}\n(${result.match.id}, score ${result.match.score})\n` : 'no confident answer\n');
  for (const candidate of result.candidates) process.stdout.write(`  ${candidate.score.toFixed(3)}  ${candidate.id}  ${candidate.question}\n`);
}
