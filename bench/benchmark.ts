/** What a benchmark prints: a table (first row is the header) and the targets it states. */
export interface BenchReport {
  /** One line on what was measured and how. */
  setup: string;
  table: string[][];
  targets: { description: string; met: boolean }[];
}

export interface Benchmark {
  name: string;
  run(): Promise<BenchReport>;
}
