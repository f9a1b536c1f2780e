import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('osschat faq (built CLI)', () => {
  it('imports, re-imports idempotently, answers with --json, and exports what it imported', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'osschat-faq-cli-'));
    const env = { DATABASE_URL: join(dir, 'db.sqlite') };
    const kb = join(dir, 'kb.csv');
    writeFileSync(kb, 'id,question,answer\nF1,怎么安装 OSSChat？,npm ci && npm start\nF1,How do I install OSSChat?,\nF2,支持 PostgreSQL 吗？,支持\n,broken row,\n');
    const first = await runCli(['faq', 'import', kb], env);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('imported 2 entries from');
    expect(first.stdout).toContain('2 new');
    expect(first.stderr).toContain(`${kb}:5: needs an id and a question`);
    const again = await runCli(['faq', 'import', kb], env);
    expect(again.stdout).toContain('0 new, 0 updated, 2 unchanged');
    const asked = await runCli(['faq', 'ask', 'how to install osschat', '--json'], env);
    const answer = JSON.parse(asked.stdout) as { match: { id: string; score: number } | null; candidates: unknown[] };
    expect(answer.match?.id).toBe('F1');
    expect(answer.match!.score).toBeGreaterThan(0.75);
    const unknown = JSON.parse((await runCli(['faq', 'ask', '今天天气怎么样', '--json'], env)).stdout) as { match: unknown };
    expect(unknown.match).toBeNull();
    const exported = await runCli(['faq', 'export'], env);
    const yamlFile = join(dir, 'kb.yaml');
    writeFileSync(yamlFile, exported.stdout);
    const copy = { DATABASE_URL: join(dir, 'copy.sqlite') };
    expect((await runCli(['faq', 'import', yamlFile], copy)).stdout).toContain('2 new');
    expect((await runCli(['faq', 'export'], copy)).stdout).toBe(exported.stdout);
  });

  it('evaluates decisions on labelled queries and writes predictions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'osschat-faq-eval-'));
    const kb = join(dir, 'kb.yaml');
    writeFileSync(kb, '- id: install\n  questions: [怎么安装 OSSChat？]\n  answer: npm ci\n- id: db\n  questions: [支持 PostgreSQL 吗？]\n  answer: 支持\n');
    const queries = join(dir, 'q.jsonl');
    writeFileSync(queries, ['{"text":"OSSChat 怎么安装","expected":"install"}', '{"text":"支持 PostgreSQL 吗","expected":"db"}', '{"text":"今天吃什么","expected":null}', 'not json', ''].join('\n'));
    const predictions = join(dir, 'p.jsonl');
    const result = await runCli(['faq', 'eval', '--kb', kb, '--queries', queries, '--json', '--predictions', predictions], {});
    expect(result.stderr).toContain(`${queries}:4:`);
    const report = JSON.parse(result.stdout) as { metrics: Record<string, number> };
    expect(report.metrics).toMatchObject({ queries: 3, answerable: 2, decisionAccuracy: 1, precision: 1, recall: 1, falseAnswerRate: 0 });
    const lines = (await import('node:fs')).readFileSync(predictions, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { match: string | null });
    expect(lines.map((l) => l.match)).toEqual(['install', 'db', null]);
  });
});
