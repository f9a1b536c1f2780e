/** A query and the entry that should answer it (null: the bot should stay silent). */
export interface EvalQuery {
  text: string;
  expected: string | null;
}

/** Reads JSONL lines `{"text", "expected"}`; bad lines are reported with their number, not thrown. */
export function readQueries(jsonl: string): { queries: EvalQuery[]; skipped: { line: number; reason: string }[] } {
  const queries: EvalQuery[] = [];
  const skipped: { line: number; reason: string }[] = [];
  jsonl.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      const value = JSON.parse(line) as { text?: unknown; expected?: unknown };
      if (typeof value.text !== 'string') throw new Error('no "text" string');
      queries.push({ text: value.text, expected: value.expected === null || value.expected === undefined ? null : String(value.expected) });
    } catch (error) {
      skipped.push({ line: index + 1, reason: (error as Error).message });
    }
  });
  return { queries, skipped };
}
