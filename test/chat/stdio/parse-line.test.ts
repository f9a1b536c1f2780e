import { describe, expect, it } from 'vitest';
import { parseLine } from '../../../src/chat/stdio/parse-line.js';

const now = () => new Date('2026-11-25T00:00:00Z');

describe('parseLine', () => {
  it('reads a message as DESIGN.md specifies it', () => {
    const line = '{"type":"message","id":"m1","room":{"id":"r1","topic":"OSSChat 开发者群"},"from":{"id":"u1","name":"张三"},"text":"…","ts":"2026-11-24T10:00:00+08:00"}';
    expect(parseLine(line, now)).toEqual({
      ok: true,
      event: { type: 'message', id: 'm1', room: { id: 'r1', topic: 'OSSChat 开发者群' }, from: { id: 'u1', name: '张三' }, text: '…', kind: 'text', ts: new Date('2026-11-24T02:00:00Z') },
    });
  });

  it('reads quoted replies, kinds, direct messages, recalls and edits', () => {
    expect(parseLine('{"type":"message","id":"m2","room":{"id":"r1"},"from":{"id":"u1"},"text":"好","replyTo":"m1","kind":"image"}', now)).toMatchObject({ ok: true, event: { replyTo: 'm1', kind: 'image', ts: now() } });
    expect(parseLine('{"type":"message","id":"m3","from":{"id":"u1"},"text":"私聊"}', now)).toMatchObject({ ok: true, event: { room: null } });
    expect(parseLine('{"type":"recall","id":"m1","room":{"id":"r1"}}', now)).toEqual({ ok: true, event: { type: 'recall', id: 'm1', room: { id: 'r1' }, ts: now() } });
    expect(parseLine('{"type":"edit","id":"m1","room":{"id":"r1"},"text":"改"}', now)).toMatchObject({ ok: true, event: { type: 'edit', text: '改' } });
  });

  it('reads the sender\'s role in the room', () => {
    expect(parseLine('{"type":"message","id":"m1","room":{"id":"r1"},"from":{"id":"u1","name":"张三","role":"owner"},"text":"绑定 7KQ2-M9XP"}', now)).toMatchObject({ ok: true, event: { from: { id: 'u1', name: '张三', role: 'owner' } } });
  });

  it.each([
    ['{"type":"message"', /^not valid JSON/],
    ['[1,2]', /^expected object, received array$/],
    ['{"type":"poke"}', /^type: expected "type" to be "message", "recall" or "edit"$/],
    ['{"type":"message","id":"m1","room":{"id":"r1"},"text":"x"}', /^from: expected object, received undefined$/],
    ['{"type":"message","id":"","room":{"id":"r1"},"from":{"id":"u"},"text":"x"}', /^id: must not be empty$/],
    ['{"type":"message","id":"m1","room":{"id":"r1"},"from":{"id":"u"},"text":"x","ts":"yesterday"}', /^ts: expected an ISO 8601 time/],
    ['{"type":"message","id":"m1","room":{"id":"r1"},"from":{"id":"u"},"text":"x","kind":"gif"}', /^kind: expected one of "text"\|"image"/],
    ['{"type":"edit","id":"m1","room":{"id":"r1"}}', /^text: expected string, received undefined$/],
    ['{"type":"message","id":"m1","room":{"id":"r1"},"from":{"id":"u","role":"boss"},"text":"x"}', /^from\.role: expected "owner", "admin" or "member"$/],
  ])('explains what is wrong with %s', (line, error) => {
    const parsed = parseLine(line, now);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(error);
  });
});
