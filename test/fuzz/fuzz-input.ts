import fc from 'fast-check';
import { pick as pickOf, seededRandom } from '../../bench/ingest/random.js';

/** Pieces that the command parsers and importers look for, so random text often gets close to a command. */
export const FRAGMENTS = [
  '以上', '上面', '条', '开工单', '建工单', '提issue', '开工单：', '工单', '/issue', '/ISSUE', '@OSSChat', '＠OSSChat', 'issue',
  '五', '十二', '一百', '99', '０', '-1', '1.5', '几', '：', ':', '#bug', '#缺陷', '#123', '谢谢', ' thanks', '？', '。', '…', '~',
  '订阅', '取消订阅', '退订', '/subscribe', '/unsubscribe', '/github subscribe', 'subscribe list', 'octo/hello', 'https://github.com/octo/hello.git',
  '+label:bug', '-label:', '-author:dependabot[bot]', 'bots:off', 'actions:opened,closed', 'digest:daily', 'issues', 'pulls', 'comments',
  '/comment', '#12', '评论：', '评论', '[octo/hello]', 'https://github.com/octo/hello/issues/3', '\n', '\t', ' ', '　', '\u200B', '\uFEFF',
  '请', '帮我把', '麻烦', '、', '，', '👨‍👩‍👧‍👦', '\uD800', '\0', '"', '\\', '{', '}', '<script>', '$', '(', ')', '*', '+', '?', '[', ']',
];

/** Text made of command fragments and arbitrary characters, up to a few hundred characters. */
export const chatText = (): fc.Arbitrary<string> =>
  fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 4 }), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 40 }).map((parts) => parts.join(''));

/** One character run made long: what backtracking regexes choke on. */
export const longRun = (): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(...FRAGMENTS), fc.constantFrom(' ', '　', '。', ',', '、', '1', '一', '#', '/', '\n', 'a', '工单'), fc.integer({ min: 1000, max: 20_000 }), fc.constantFrom(...FRAGMENTS))
    .map(([head, unit, n, tail]) => `${head}${unit.repeat(n)}${tail}`);

/** `bytes` changed the way storage and transport break files: flipped, dropped, duplicated, cut. */
export function mutate(bytes: Uint8Array, random: () => number, edits = 1 + Math.floor(random() * 8)): Buffer {
  let out = Buffer.from(bytes);
  for (let i = 0; i < edits && out.length > 0; i++) {
    const at = Math.floor(random() * out.length);
    const kind = Math.floor(random() * 6);
    if (kind === 0) out[at] = Math.floor(random() * 256);
    else if (kind === 1) out = Buffer.concat([out.subarray(0, at), out.subarray(Math.min(out.length, at + 1 + Math.floor(random() * 64)))]);
    else if (kind === 2) out = Buffer.concat([out.subarray(0, at), out.subarray(at, at + 64), out.subarray(at)]);
    else if (kind === 3) out = out.subarray(0, at);
    else if (kind === 4) out = Buffer.concat([out.subarray(0, at), Buffer.from(pickOf(random, ['{', '}', '[', ']', '"', ',', '\n', '\r\n', '\0', '\uFFFD', '2024-13-45 25:61:00 x', '[99/99/9999, 99:99:99]'])), out.subarray(at)]);
    else out = Buffer.concat([out.subarray(0, at), Buffer.from(Array.from({ length: 1 + Math.floor(random() * 16) }, () => Math.floor(random() * 256))), out.subarray(at)]);
  }
  return out;
}

/** A small deterministic PRNG, so a failing case can be replayed from its seed. */
export const seeded = seededRandom;

/** Rejects when `work` takes longer than `ms`: a hang shows as a failure naming `what`. */
export async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms} ms`)), ms)));
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Milliseconds `work` takes, synchronously. */
export function timed<T>(work: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = work();
  return { value, ms: performance.now() - start };
}
