import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsReport } from '../../src/core/analytics/analytics-report.js';
import { runCli } from '../helpers/cli.js';

const FIXTURE = readFileSync(new URL('../analytics/fixtures/small-room.jsonl', import.meta.url), 'utf8');

describe('osschat analyze (built CLI)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'osschat-analyze-'));
  const env = { DATABASE_URL: join(dir, 'db.sqlite'), LOG_LEVEL: 'warn' };

  beforeAll(async () => {
    const recorded = await runCli(['start', '--chat', 'stdio'], env, FIXTURE);
    expect(recorded.code).toBe(0);
  });

  it('prints the documented JSON with the hand-counted numbers, in the configured or given time zone', async () => {
    const result = await runCli(['analyze', '--room', 'OSSChat 开发者群', '--json'], env);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as AnalyticsReport;
    expect(report.schemaVersion).toBe(1);
    expect(report.totals).toMatchObject({ messages: 12, members: 5 });
    expect(report.members[0]).toEqual({ id: 'u1', name: '张三', messages: 3, firstSeen: '2026-03-02' });
    expect(report.days.slice(0, 2)).toEqual([{ date: '2026-03-02', messages: 4 }, { date: '2026-03-03', messages: 3 }]);
    expect(report.keywords[0]).toEqual({ term: expect.any(String), score: expect.any(Number), count: expect.any(Number) });
    expect(report.questions.clusters[0]).toMatchObject({ count: 2 });
    // Which replies count depends on the conversations the threading engine finds (exact reply counts: test/analytics).
    expect(report.questions.total).toBe(5);
    expect(report.questions.unanswered.map((q) => q.messageId)).toEqual(expect.arrayContaining(['m11', 'm6']));
    const utc = JSON.parse((await runCli(['analyze', '--json', '--tz', 'UTC', '--since', '2026-03-09'], env)).stdout) as AnalyticsReport;
    expect(utc.days).toEqual([{ date: '2026-03-09', messages: 2 }, { date: '2026-03-10', messages: 3 }]);
    expect(utc.period).toMatchObject({ since: '2026-03-09T00:00:00.000Z', timeZone: 'UTC' });
  });

  it('writes the HTML report and FAQ candidates that osschat faq import takes as they are', async () => {
    const html = join(dir, 'report.html');
    const candidates = join(dir, 'faq.yaml');
    const result = await runCli(['analyze', '--html', html, '--faq-candidates', candidates], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('12 messages from 5 members');
    expect(readFileSync(html, 'utf8')).toContain('data-chart="days"');
    expect(readFileSync(candidates, 'utf8')).toContain('如何安装osschat');
    const imported = await runCli(['faq', 'import', candidates], env);
    expect(imported.stdout).toContain('imported 1 entries');
    const asked = JSON.parse((await runCli(['faq', 'ask', '怎么安装 OSSChat？', '--json'], env)).stdout) as { match: { id: string } | null };
    expect(asked.match?.id).toBe('candidate-1');
  });

  it('says what is wrong with a room, a date or a time zone', async () => {
    expect(await runCli(['analyze', '--room', 'nope'], env)).toMatchObject({ code: 1, stderr: expect.stringContaining('no room named "nope"') });
    expect(await runCli(['analyze', '--since', 'last week'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('expected a date YYYY-MM-DD') });
    expect(await runCli(['analyze', '--tz', 'Mars/Base'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('IANA time zone') });
  });
});
