import { describe, expect, it } from 'vitest';
import type { AnalyticsMessage } from '../../src/core/analytics/analytics-message.js';
import { analyzeMessages } from '../../src/core/analytics/room-analysis.js';
import { KEYWORD_STOP_WORDS } from '../../src/core/analytics/keyword-stop-words.js';
import { ZoneClock } from '../../src/core/analytics/zone-clock.js';
import { createJiebaSegmenter } from '../../src/search/jieba-segmenter.js';

const HOUR = 3_600_000;
const PERIOD_START = Date.parse('2026-05-11T00:00:00+08:00');

/** Two weeks of a Chinese room: the week before talks about docs and installing, the period about a database migration. */
function chat(): AnalyticsMessage[] {
  const before = ['文档在哪里看', '文档在哪里看', '中文文档写得很好', '安装很顺利', '安装很顺利', '我们今天发布新版本', '大家好'];
  const during = ['数据库迁移失败了', '数据库迁移失败了', '数据库迁移又失败了', 'PostgreSQL 数据库迁移要多久', 'PostgreSQL 的数据库迁移脚本在哪', '我们在讨论数据库迁移方案', '文档更新了', '哈哈哈哈', '好的谢谢'];
  const at = (start: number, texts: string[]) => texts.map((text, i) => ({ text, ts: start + i * HOUR }));
  return [...at(PERIOD_START - 7 * 24 * HOUR, before), ...at(PERIOD_START, during)].map(({ text, ts }, i) => ({
    id: `m${i}`, senderId: `u${i % 3}`, senderName: `成员${i % 3}`, text, ts, kind: 'text',
  }));
}

describe('keywords of a Chinese room', () => {
  it('ranks the period by TF-IDF against the whole history, without stop words, and finds rising words', async () => {
    const clock = new ZoneClock('Asia/Shanghai');
    const report = await analyzeMessages(chat(), {
      room: { id: 'r', name: '群' }, clock, period: { start: PERIOD_START, end: PERIOD_START + 7 * 24 * HOUR }, segmenter: createJiebaSegmenter(),
    });
    const terms = report.keywords.map((k) => k.term);
    expect(terms.slice(0, 3)).toEqual(expect.arrayContaining(['数据库', '迁移']));
    expect(terms).toContain('postgresql');
    expect(terms).toContain('失败');
    for (const term of terms) expect(KEYWORD_STOP_WORDS.has(term) || [...term].length < 2).toBe(false);
    expect(terms).not.toContain('文档在哪里看');
    expect(report.keywords[0]!.score).toBeGreaterThan(report.keywords.find((k) => k.term === '文档')?.score ?? 0);
    const trending = report.trending.map((t) => t.term);
    expect(trending).toEqual(expect.arrayContaining(['数据库', '迁移']));
    expect(trending).not.toContain('文档');
    expect(report.trending.find((t) => t.term === '数据库')).toEqual({ term: '数据库', count: 6, previous: 0 });
  });
});
