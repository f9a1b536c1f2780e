import { describe, expect, it } from 'vitest';
import { decide, DEFAULT_FAQ_SETTINGS, type FaqCandidate } from '../../src/core/faq/index.js';

const candidate = (id: string, score: number, answer = `answer of ${id}`): FaqCandidate => ({ id, question: `question ${id}`, score, answer });
const settings = { threshold: 0.8, margin: 0.05 };

describe('decide', () => {
  it('answers when the best is over the threshold and leads the next by the margin', () => {
    expect(decide([candidate('a', 0.9), candidate('b', 0.85)], settings)?.id).toBe('a');
    expect(decide([candidate('a', 0.9)], settings)?.id).toBe('a');
  });

  it('stays silent under the threshold', () => {
    expect(decide([candidate('a', 0.79)], settings)).toBeNull();
    expect(decide([], settings)).toBeNull();
  });

  it('stays silent when a different answer is too close', () => {
    expect(decide([candidate('a', 0.9), candidate('b', 0.88)], settings)).toBeNull();
  });

  it('does not count an entry with the same answer as a rival', () => {
    const same = [candidate('a', 0.9, '重启即可。'), candidate('b', 0.89, ' 重启即可。 '), candidate('c', 0.8)];
    expect(decide(same, settings)?.id).toBe('a');
    const tooClose = [candidate('a', 0.9, '重启即可。'), candidate('b', 0.89, '重启即可。'), candidate('c', 0.87)];
    expect(decide(tooClose, settings)).toBeNull();
  });

  it('has precision-first defaults: scores are confidences, answered above even odds', () => {
    expect(DEFAULT_FAQ_SETTINGS.threshold).toBeGreaterThan(0.5);
    expect(decide([candidate('a', 0.99), candidate('b', 0.5)])?.id).toBe('a');
    expect(decide([candidate('a', 0.5)])).toBeNull();
  });
});
