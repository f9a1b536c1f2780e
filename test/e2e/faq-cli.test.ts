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
});
