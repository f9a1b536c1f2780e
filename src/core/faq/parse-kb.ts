import { createHash } from 'node:crypto';
import { parse as parseCsv } from 'csv-parse/sync';
import { LineCounter, parseDocument } from 'yaml';
import type { FaqEntry } from './faq-entry.js';

export type KbFormat = 'yaml' | 'csv' | 'markdown';

export interface KbReport {
  entries: FaqEntry[];
  /** Bad records, with the line they start on; the good ones are in `entries`. */
  errors: { line: number; message: string }[];
}

export function kbFormatOf(path: string): KbFormat | undefined {
  if (/\.ya?ml$/i.test(path)) return 'yaml';
  if (/\.csv$/i.test(path)) return 'csv';
  return /\.(md|markdown)$/i.test(path) ? 'markdown' : undefined;
}

export function parseKb(text: string, format: KbFormat): KbReport {
  if (format === 'csv') return parseCsvKb(text);
  return format === 'yaml' ? parseYamlKb(text) : parseMarkdownKb(text);
}

/** `id,question,answer[,url,tags]` with a header; a repeated id adds a paraphrase. */
function parseCsvKb(text: string): KbReport {
  const report: KbReport = { entries: [], errors: [] };
  const byId = new Map<string, FaqEntry>();
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parseCsv(text, { columns: true, skip_empty_lines: true, trim: true, info: true, relax_column_count: true, bom: true });
  } catch (error) {
    return { entries: [], errors: [{ line: Number((error as { lines?: number }).lines ?? 1), message: (error as Error).message }] };
  }
  for (const { record, info } of rows) {
    const { id, question, answer } = record;
    if (!id || !question) {
      report.errors.push({ line: info.lines, message: 'needs an id and a question' });
      continue;
    }
    const entry = byId.get(id);
    if (entry) entry.questions.push(question);
    else if (!answer) report.errors.push({ line: info.lines, message: `entry ${id} needs an answer on its first row` });
    else byId.set(id, { id, questions: [question], answer, tags: record.tags ? record.tags.split(/[;,]/).map((t) => t.trim()).filter(Boolean) : [], source: 'import', ...(record.url ? { url: record.url } : {}) });
  }
  report.entries = [...byId.values()];
  return report;
}

/** A list of `{ id, questions | question, answer, url?, tags? }` (or `{ entries: [...] }`). */
function parseYamlKb(text: string): KbReport {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  if (doc.errors[0]) return { entries: [], errors: [{ line: counter.linePos(doc.errors[0].pos[0]).line, message: doc.errors[0].message.split('\n')[0]! }] };
  const root = doc.contents as { items?: unknown[] } | null;
  const list = (root && 'get' in (root as object) ? (doc.get('entries') as { items?: unknown[] } | undefined) : undefined) ?? root;
  const report: KbReport = { entries: [], errors: [] };
  for (const node of list?.items ?? []) {
    const line = counter.linePos((node as { range?: [number] }).range?.[0] ?? 0).line;
    const value = (node as { toJSON(): unknown }).toJSON() as Record<string, unknown>;
    const entry = yamlEntry(value);
    if (typeof entry === 'string') report.errors.push({ line, message: entry });
    else report.entries.push(entry);
  }
  return report;
}

function yamlEntry(value: Record<string, unknown>): FaqEntry | string {
  const questions = Array.isArray(value.questions) ? value.questions.map(String) : value.question ? [String(value.question)] : [];
  if (!value.id || questions.length === 0 || !value.answer) return 'needs id, question(s) and answer';
  const tags = Array.isArray(value.tags) ? value.tags.map(String) : [];
  return { id: String(value.id), questions, answer: String(value.answer).trim(), tags, source: 'import', ...(value.url ? { url: String(value.url) } : {}) };
}

/** `## question` headings (several on consecutive lines are paraphrases) followed by the answer's paragraphs. */
function parseMarkdownKb(text: string): KbReport {
  const report: KbReport = { entries: [], errors: [] };
  let current: { line: number; questions: string[]; body: string[] } | undefined;
  const close = () => {
    if (!current) return;
    const answer = current.body.join('\n').trim();
    if (!answer) report.errors.push({ line: current.line, message: `"${current.questions[0]}" has no answer under it` });
    else report.entries.push({ id: `md-${createHash('sha256').update(current.questions[0]!).digest('hex').slice(0, 10)}`, questions: current.questions, answer, tags: [], source: 'import' });
  };
  text.split(/\r?\n/).forEach((line, index) => {
    const heading = /^##\s+(.+?)\s*#*$/.exec(line);
    if (heading && current && current.body.length === 0) current.questions.push(heading[1]!);
    else if (heading) {
      close();
      current = { line: index + 1, questions: [heading[1]!], body: [] };
    } else current?.body.push(line);
  });
  close();
  return report;
}
