import type { FaqEntry } from '../../src/core/faq/index.js';
import { parseCsv } from './parse-csv.js';

/** Entries read from a KB CSV, and the rows that could not be used. */
export interface KbReport {
  entries: FaqEntry[];
  skipped: { line: number; reason: string }[];
}

/** Reads `id,question,answer[,url]` rows; rows repeating an id add paraphrases to that entry. */
export function readKb(csv: string): KbReport {
  const [header = [], ...rows] = parseCsv(csv);
  const column = (name: string): number => header.findIndex((cell) => cell.trim().toLowerCase() === name);
  const [id, question, answer, url] = ['id', 'question', 'answer', 'url'].map(column) as [number, number, number, number];
  if (id < 0 || question < 0) return { entries: [], skipped: [{ line: 1, reason: 'header needs id and question columns' }] };
  const byId = new Map<string, FaqEntry>();
  const skipped: KbReport['skipped'] = [];
  rows.forEach((cells, index) => {
    const [key, text] = [cells[id]?.trim() ?? '', cells[question]?.trim() ?? ''];
    if (key === '' || text === '') return skipped.push({ line: index + 2, reason: 'empty id or question' });
    const entry = byId.get(key) ?? { id: key, questions: [], answer: '' };
    entry.questions.push(text);
    if (entry.answer === '' && answer >= 0) entry.answer = cells[answer]?.trim() ?? '';
    if (entry.url === undefined && url >= 0 && cells[url]?.trim()) entry.url = cells[url]?.trim();
    byId.set(key, entry);
  });
  return { entries: [...byId.values()], skipped };
}
