import { describe, expect, it } from 'vitest';
import { analyzeMessages } from '../../src/core/analytics/room-analysis.js';
import type { AnalysisSettings } from '../../src/core/analytics/analysis-settings.js';
import { parsePeriod } from '../../src/core/analytics/period.js';
import { ZoneClock } from '../../src/core/analytics/zone-clock.js';
import { createJiebaSegmenter } from '../../src/search/jieba-segmenter.js';
import { fixtureMessages, SMALL_ROOM } from './stdio-fixture.js';

const segmenter = createJiebaSegmenter();

function settings(timeZone = 'Asia/Shanghai', since?: string): AnalysisSettings {
  const clock = new ZoneClock(timeZone);
  const parsed = parsePeriod(since, undefined, clock);
  if (!parsed.ok) throw new Error(parsed.error);
  return { room: { id: 'r1', name: 'OSSChat 开发者群' }, clock, period: parsed.period, segmenter, now: Date.parse('2026-06-01T00:00:00Z') };
}

describe('room analysis on the hand-counted fixture (see fixtures/README.md)', () => {
  it('counts messages, members, days, weeks and the heatmap; recalled and bot messages never count', async () => {
    const report = await analyzeMessages(fixtureMessages(SMALL_ROOM), settings());
    expect(report.totals).toEqual({ messages: 12, members: 5, newcomers: 5, questions: 5, days: 4 });
    expect(report.members.map((m) => [m.id, m.name, m.messages])).toEqual([
      ['u1', '张三', 3], ['u2', '李四', 3], ['u3', '王五', 3], ['u4', '赵六', 2], ['u5', '孙七', 1],
    ]);
    expect(report.days).toEqual([
      { date: '2026-03-02', messages: 4 }, { date: '2026-03-03', messages: 3 }, { date: '2026-03-04', messages: 0 },
      { date: '2026-03-05', messages: 0 }, { date: '2026-03-06', messages: 0 }, { date: '2026-03-07', messages: 0 },
      { date: '2026-03-08', messages: 0 }, { date: '2026-03-09', messages: 2 }, { date: '2026-03-10', messages: 3 },
    ]);
    expect(report.weeks).toEqual([
      { week: '2026-03-02', messages: 7, members: 4, newcomers: 4 },
      { week: '2026-03-09', messages: 5, members: 4, newcomers: 1 },
    ]);
    const cells = report.heatmap.flatMap((row, weekday) => row.map((n, hour) => [weekday, hour, n])).filter(([, , n]) => n! > 0);
    expect(cells).toEqual([[0, 9, 3], [0, 20, 2], [0, 23, 1], [1, 0, 1], [1, 9, 3], [1, 10, 2]]);
  });

  it('counts days in another time zone with --tz', async () => {
    const report = await analyzeMessages(fixtureMessages(SMALL_ROOM), settings('UTC'));
    expect(report.days.filter((d) => d.messages > 0)).toEqual([
      { date: '2026-03-02', messages: 5 }, { date: '2026-03-03', messages: 2 }, { date: '2026-03-09', messages: 2 }, { date: '2026-03-10', messages: 3 },
    ]);
  });

  it('follows questions to their first reply: quote, @-mention, next message within the window', async () => {
    const { questions, helpers } = await analyzeMessages(fixtureMessages(SMALL_ROOM), settings());
    expect(questions).toMatchObject({ total: 5, answered: 3, unansweredTotal: 2, medianFirstResponseMinutes: 10 });
    expect(questions.unanswered.map((q) => q.messageId)).toEqual(['m11', 'm6']);
    expect(helpers.map((h) => [h.id, h.name, h.firstResponses])).toEqual([['u1', '张三', 2], ['u2', '李四', 1]]);
    expect(questions.clusters).toHaveLength(1);
    expect(questions.clusters[0]).toMatchObject({ count: 2, examples: ['怎么安装 OSSChat？', '如何安装osschat'], answer: 'npm ci 然后 npm start' });
  });

  it('counts links, repositories and issues', async () => {
    const report = await analyzeMessages(fixtureMessages(SMALL_ROOM), settings());
    expect(report.repos).toEqual([{ repo: 'openai/whisper', count: 1 }, { repo: 'wechaty/wechaty', count: 1 }]);
    expect(report.issues).toEqual([{ ref: 'openai/whisper#5', count: 1 }, { ref: 'wechaty/wechaty#123', count: 1 }]);
    expect(report.links).toEqual([{ url: 'https://github.com/openai/whisper/issues/5', count: 1 }]);
  });

  it('limits counts to --since while newcomers are judged against the whole history', async () => {
    const report = await analyzeMessages(fixtureMessages(SMALL_ROOM), settings('Asia/Shanghai', '2026-03-09'));
    expect(report.totals).toEqual({ messages: 5, members: 4, newcomers: 1, questions: 2, days: 2 });
    expect(report.questions).toMatchObject({ total: 2, answered: 1, unansweredTotal: 1 });
    expect(report.period.since).toBe('2026-03-08T16:00:00.000Z');
  });

  it('with conversations from the threading engine, the next message by someone else in the same conversation replies', async () => {
    const at = (minute: number) => Date.parse('2026-03-02T09:00:00+08:00') + minute * 60_000;
    const message = (id: string, sender: string, minute: number, conversationId: string, text: string) => ({ id, senderId: sender, senderName: sender, text, ts: at(minute), kind: 'text', conversationId });
    const { questions } = await analyzeMessages([
      message('q1', 'u1', 0, 'c1', '怎么安装？'),
      message('q2', 'u2', 1, 'c2', 'Docker 镜像在哪里？'),
      message('a1', 'u3', 2, 'c2', '在 Docker Hub 上'),
      message('a2', 'u4', 300, 'c1', '用 npm ci'),
    ], settings());
    expect(questions).toMatchObject({ total: 2, answered: 2, medianFirstResponseMinutes: 150.5 });
  });
});
