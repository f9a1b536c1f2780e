import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { poolByFamily, searchSet } from '../../scripts/faq-eval/small-kbs.js';
import { evaluateSmallKbs, formatSmallKbs } from '../../scripts/faq-eval/small-report.js';
import { SMALL_SET_SPLIT, smallSetNames } from '../../scripts/faq-eval/small-sets.js';
import { createTfidfBaseline } from '../../scripts/faq-eval/tfidf-baseline.js';

/** Writes DIR/NAME/kb.csv and queries.jsonl in the faq-small-dev format (never the real data: tests must not need ../shared). */
function writeSet(dir: string, name: string, kb: [string, string][], queries: [string, string | null][]): void {
  mkdirSync(join(dir, name), { recursive: true });
  writeFileSync(join(dir, name, 'kb.csv'), `id,question,answer\n${kb.map(([id, q]) => `${id},${q},（${id} 的标准答案）`).join('\n')}\n`);
  writeFileSync(join(dir, name, 'queries.jsonl'), `${queries.map(([text, expected]) => JSON.stringify({ text, expected })).join('\n')}\n`);
}

const KB: [string, string][] = [['a', '怎么安装这个软件'], ['b', '信用卡额度怎么提高']];

describe('faq-small-dev split', () => {
  it('is fixed: the reporting sets are never tuned on, and each half has three sets of each corpus', () => {
    expect(SMALL_SET_SPLIT.tune).toEqual(['bq1', 'bq2', 'bq3', 'lcqmc1', 'lcqmc2', 'lcqmc3']);
    expect(SMALL_SET_SPLIT.report).toEqual(['bq4', 'bq5', 'bq6', 'lcqmc4', 'lcqmc5', 'lcqmc6']);
    expect(new Set(smallSetNames('all')).size).toBe(12);
  });
});

describe('searchSet and poolByFamily', () => {
  it('answers every set from its own KB and pools queries, not per-set averages', () => {
    const dir = mkdtempSync(join(tmpdir(), 'osschat-small-kbs-'));
    // The same question means a different entry in each set: a shared KB would answer one of them wrongly.
    writeSet(dir, 'x1', KB, [['怎么安装这个软件？', 'a']]);
    writeSet(dir, 'y1', [['c', '怎么安装这个软件'], ['d', '今天天气好吗']], [['怎么安装这个软件', 'c'], ['完全无关的话', 'd'], ['另一句无关', 'd'], ['再来一句', 'd']]);
    const sets = ['x1', 'y1'].map((name) => searchSet(dir, name, createTfidfBaseline));
    const [all, x, y] = poolByFamily(sets, { threshold: 0.5, margin: 0 });
    expect(x).toMatchObject({ group: 'x', sets: ['x1'], metrics: { recall: 1 } });
    expect(y).toMatchObject({ group: 'y', metrics: { recall: 0.25 } });
    expect(all?.metrics).toMatchObject({ queries: 5, recall: 2 / 5, precision: 1 });
  });

  it('refuses a set with unreadable rows instead of pooling fewer queries', () => {
    const dir = mkdtempSync(join(tmpdir(), 'osschat-small-kbs-'));
    writeSet(dir, 'x1', KB, [['怎么安装', 'a']]);
    writeFileSync(join(dir, 'x1', 'queries.jsonl'), '{"text":"怎么安装","expected":"a"}\nnot json\n');
    expect(() => searchSet(dir, 'x1', createTfidfBaseline)).toThrow(/x1: 1 unreadable rows \(first: line 2/);
  });
});

describe('createTfidfBaseline', () => {
  it('scores character uni+bigram TF-IDF cosine, ignoring case, spaces and punctuation', () => {
    const index = createTfidfBaseline();
    for (const [id, question] of [...KB, ['e', 'How to install']] as [string, string][]) index.add({ id, questions: [question], answer: id });
    expect(index.size).toBe(3);
    expect(index.search('怎么安装这个软件？！')[0]).toMatchObject({ id: 'a', score: expect.closeTo(1, 9) });
    expect(index.search('HOW TO INSTALL')[0]).toMatchObject({ id: 'e', score: expect.closeTo(1, 9) });
    expect(index.search('零零零')[0]?.score).toBe(0);
    const partial = index.search('信用卡怎么办')[0];
    expect(partial?.id).toBe('b');
    expect(partial?.score).toBeGreaterThan(0.2);
    expect(partial?.score).toBeLessThan(0.9);
  });
});

describe('evaluateSmallKbs', () => {
  it('reads only the sets of the part asked for and reports the engine beside the baseline at both thresholds', () => {
    const dir = mkdtempSync(join(tmpdir(), 'osschat-small-kbs-'));
    // Only the reporting sets exist: reading any tuning set would throw.
    for (const name of SMALL_SET_SPLIT.report) writeSet(dir, name, KB, [['怎么安装这个软件', 'a'], ['火星上有水吗', null]]);
    const results = evaluateSmallKbs(dir, 'report');
    expect(results.map((r) => [r.engine, r.settings.threshold])).toEqual([['osschat (defaults)', 0.55], ['baseline char TF-IDF', 0.64], ['baseline char TF-IDF', 0.26]]);
    for (const result of results) {
      expect(result.rows.map((row) => [row.group, row.metrics.queries])).toEqual([['all', 12], ['bq', 6], ['lcqmc', 6]]);
      expect(result.rows[0]?.metrics).toMatchObject({ recall: 1, falseAnswerRate: 0 });
    }
    expect(formatSmallKbs('report', results)).toContain('report part (bq4 bq5 bq6 lcqmc4 lcqmc5 lcqmc6)');
  });
});
