import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { disentangle, Threader, type ThreadMessage } from '../../src/core/threads/index.js';

const fixture = (name: string) => new URL(`../fixtures/threads/${name}`, import.meta.url);

function readRoom(name: string): ThreadMessage[] {
  return readFileSync(fixture(name), 'utf8').trim().split('\n').map((line) => {
    const record = JSON.parse(line) as { id: string; from: { id: string; name: string }; text: string; ts: string; replyTo?: string };
    return { id: record.id, senderId: record.from.id, senderName: record.from.name, text: record.text, ts: Date.parse(record.ts), replyTo: record.replyTo };
  });
}

/** The conversations as sets of message ids, comparable whatever ids name them. */
function partition(labels: Record<string, string>): string[][] {
  const groups = new Map<string, string[]>();
  for (const [id, label] of Object.entries(labels)) groups.set(label, [...(groups.get(label) ?? []), id]);
  return [...groups.values()].map((ids) => ids.sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));
}

let clock = Date.UTC(2026, 10, 24, 2, 0);
const say = (id: string, sender: string, text: string, extra: Partial<ThreadMessage> = {}): ThreadMessage =>
  ({ id, senderId: sender, senderName: sender, text, ts: (clock += 30_000), ...extra });

describe('threading engine', () => {
  it('gives words shared with a room\'s first message a finite weight (its word norm is 0: they made every later sharer its certain reply)', () => {
    const links = disentangle([
      say('q', 'alice', 'how do I mount ntfs?'),
      ...Array.from({ length: 12 }, (_, i) => say(`x${i}`, i % 2 ? 'bob' : 'carol', i % 2 ? 'the kernel build failed again' : 'try a clean build of the kernel')),
      say('late', 'dave', 'ntfs on a usb stick is slow'),
    ]);
    for (const link of links) expect(Number.isFinite(link.confidence) && link.confidence <= 1).toBe(true);
    const late = links.find((link) => link.id === 'late')!;
    expect(late.reasons).not.toContain('sharedWords');
    expect(late.confidence).toBeLessThan(0.99);
  });

  it('splits an interleaved Chinese group chat into its conversations', () => {
    const messages = readRoom('zh-two-conversations.jsonl');
    const gold = JSON.parse(readFileSync(fixture('zh-two-conversations.gold.json'), 'utf8')) as Record<string, string>;
    const links = disentangle(messages);
    const found = Object.fromEntries(links.map((link) => [link.id, link.conversation]));
    expect(partition(found)).toEqual(partition(gold));
    expect(links.find((link) => link.id === 'm1')?.replyTo).toBeNull();
    expect(links.find((link) => link.id === 'm5')?.replyTo).toBe('m3');
  });

  it('follows IRC-style addressing, shortened nicks included', () => {
    const links = disentangle([
      say('1', 'alice', 'how do I mount an ntfs partition?'),
      say('2', 'bob_2', 'anyone tried the new kernel on a thinkpad?'),
      say('3', 'carol', 'alice: sudo mount -t ntfs-3g /dev/sdb1 /mnt'),
      say('4', 'dave', 'bob: works fine on my x220'),
      say('5', 'alice', 'carol: thanks, that worked'),
    ]);
    expect(links.map((link) => link.replyTo)).toEqual([null, null, '1', '2', '3']);
    expect(links[3]!.reasons).toContain('addressesSender');
  });

  it('takes a quote the platform reports as certain', () => {
    const links = disentangle([
      say('q', 'u1', '怎么配置代理？'),
      say('x', 'u2', '张三 你好'),
      say('y', 'u3', '用环境变量 HTTPS_PROXY', { replyTo: 'q' }),
    ]);
    expect(links[2]).toMatchObject({ replyTo: 'q', conversation: 'q', confidence: 1, reasons: ['quote'] });
  });

  it('starts a new conversation after a long silence', () => {
    const first = say('a', 'u1', 'the build is broken on main');
    const later = { ...say('b', 'u2', 'has anyone seen the release notes?'), ts: first.ts + 8 * 3600_000 };
    expect(disentangle([first, later])[1]!.replyTo).toBeNull();
  });

  it('keeps the place of a message given twice, and replays stored placements as they were', () => {
    const threader = new Threader();
    const a = say('a', 'u1', 'webhook fails with 401?');
    const b = say('b', 'u2', 'u1: check the secret');
    threader.add(a);
    const placed = threader.add(b);
    expect(threader.add(b)).toMatchObject({ replyTo: placed.replyTo, conversation: placed.conversation });

    const warm = new Threader();
    warm.add(a, { known: { conversation: 'a', replyTo: null } });
    expect(warm.add(b, { known: { conversation: 'elsewhere', replyTo: null } })).toMatchObject({ conversation: 'elsewhere' });
    expect(warm.add(say('c', 'u1', 'u2: it was the proxy')).conversation).toBe('elsewhere');
  });

  it('keeps placing messages once the window is full', () => {
    const threader = new Threader();
    // 1,500: far past the window of 40, below the conversation cap (2,000 messages here form one conversation).
    const messages = Array.from({ length: 1500 }, (_, i) => say(`m${i}`, i % 2 ? 'bob' : 'alice', `${i % 2 ? 'alice' : 'bob'}: step ${i} of the kernel build, topic${i % 11}`));
    for (const message of messages) threader.add(message);
    // The room is one long dialogue: alice's answer to bob's latest message (m1499) still finds it.
    expect(threader.add(say('last', 'alice', 'bob: done, thanks')).replyTo).toBe('m1499');
  });
});
