import { describe, expect, it } from 'vitest';
import { FEATURE_COUNT, FEATURE_NAMES, PAIR_FEATURES } from '../../src/core/threads/features.js';
import { Threader, type ThreadMessage } from '../../src/core/threads/index.js';
import { SHIPPED_WEIGHTS } from '../../src/core/threads/weights.js';

/** A deterministic busy room: addressing, mentions, questions, acks, links, shared words, Chinese, gaps, quotes. */
function generatedRoom(size: number, seed: number): ThreadMessage[] {
  let state = seed;
  const random = () => ((state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const names = Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? `张${'三四五六七八九'[i % 7]}${i}` : i % 3 === 1 ? `user_${i}` : `nick${i}`));
  const words = ['kernel', 'mount', 'ntfs', 'grub', 'wifi', 'driver', 'apt', 'update', 'sudo', 'partition', '代理', '配置', '重启', '网络', '编译', '报错', 'nvidia', 'xorg', 'sound', 'pulseaudio'];
  const tails = ['?', '', '', ' thanks', '吗', ' https://example.org/a', ' http://bugs.launchpad.net/1', '.'];
  const messages: ThreadMessage[] = [];
  let ts = Date.UTC(2026, 0, 1);
  for (let i = 0; i < size; i++) {
    const sender = pick(names.slice(0, 8 + (i % 50)));
    ts += random() < 0.02 ? 3 * 3600_000 * random() : Math.floor(random() * 90_000);
    const recent = messages.length ? messages[messages.length - 1 - Math.floor(random() * Math.min(30, messages.length))]! : undefined;
    const roll = random();
    const address = recent === undefined ? '' : roll < 0.25 ? `${recent.senderName}: ` : roll < 0.35 ? `@${recent.senderName} ` : roll < 0.4 ? `${recent.senderName.slice(0, 4)}, ` : '';
    const body = random() < 0.1 ? pick(['ok', 'thanks', '好的', 'hi all', 'anyone here?', '请问']) : Array.from({ length: 1 + Math.floor(random() * 7) }, () => pick(words)).join(' ');
    const mention = random() < 0.1 && recent ? ` ask ${recent.senderName}` : '';
    const quote = recent && random() < 0.03 ? { replyTo: recent.id } : {};
    messages.push({ id: `m${i}`, senderId: sender, senderName: sender, text: `${address}${body}${mention}${pick(tails)}`, ts, ...quote });
  }
  return messages;
}

const weights = Float64Array.from(FEATURE_NAMES, (name) => SHIPPED_WEIGHTS[name]);

/** The choice by brute force: every candidate's whole feature row times the weights, as the engine did before it scored from the entries. */
function bruteForce(candidates: (string | null)[], features: Float64Array) {
  const scores = candidates.map((_, row) => {
    const pair = row < candidates.length - 1;
    let score = 0;
    for (let i = pair ? 0 : PAIR_FEATURES.length; i < (pair ? PAIR_FEATURES.length : FEATURE_COUNT); i++) score += weights[i]! * features[row * FEATURE_COUNT + i]!;
    return score;
  });
  let best = 0;
  for (let row = 0; row < scores.length; row++) if (scores[row]! > scores[best]!) best = row;
  let total = 0;
  for (const score of scores) if (score - scores[best]! > -30) total += Math.exp(score - scores[best]!);
  return { replyTo: candidates[best]!, confidence: 1 / total };
}

describe('threading engine scoring', () => {
  it.each([
    [1, {}],
    [2, {}],
    [3, {}],
    [4, { window: 7, maxGapMinutes: 3 }], // candidates cut by count and by time
    [5, { window: 90 }],
  ])('places every message as the brute-force feature-row product does (room %i, options %j)', (seed, options) => {
    const threader = new Threader(options);
    let scored = 0;
    for (const message of generatedRoom(3000, seed)) {
      const seen: { expected?: { replyTo: string | null; confidence: number } } = {};
      const link = threader.add(message, { observe: (_, candidates, features) => (seen.expected = bruteForce(candidates, features)) });
      const expected = seen.expected;
      if (expected === undefined) continue; // a quote: no choice made
      scored++;
      expect(link.replyTo).toBe(expected.replyTo);
      expect(link.confidence).toBe(expected.confidence);
    }
    expect(scored).toBeGreaterThan(2700);
  });

  it('places the same with or without an observer', () => {
    const messages = generatedRoom(3000, 7);
    const plain = new Threader();
    const observed = new Threader();
    for (const message of messages) expect(plain.add(message)).toEqual(observed.add(message, { observe: () => {} }));
  });
});
