import type { AnalyticsReport } from '../../src/core/analytics/analytics-report.js';
import { analyzeMessages } from '../../src/core/analytics/room-analysis.js';
import { ZoneClock } from '../../src/core/analytics/zone-clock.js';
import { createJiebaSegmenter } from '../../src/search/jieba-segmenter.js';
import { fixtureMessages, SMALL_ROOM } from '../analytics/stdio-fixture.js';

export const HOSTILE_NAME = '<img src=x onerror="window.__pwned=1">';
export const HOSTILE_TEXT = '</script><script>window.__pwned=2</script> 怎么 <b>注入</b>？';

/** The hand-counted room plus a member whose name and question are markup. */
export async function hostileReport(): Promise<AnalyticsReport> {
  const messages = fixtureMessages(SMALL_ROOM);
  messages.push({ id: 'x1', senderId: 'u9', senderName: HOSTILE_NAME, text: HOSTILE_TEXT, ts: Date.parse('2026-03-10T10:00:00+08:00'), kind: 'text' });
  return analyzeMessages(messages, {
    room: { id: 'r1', name: 'OSSChat <开发者群>' }, clock: new ZoneClock('Asia/Shanghai'), period: {}, segmenter: createJiebaSegmenter(),
    now: Date.parse('2026-06-01T00:00:00Z'),
  });
}
