import { readFileSync } from 'node:fs';
import type { AnalyticsMessage } from '../../src/core/analytics/analytics-message.js';

interface StdioLine {
  type: string;
  id: string;
  from?: { id: string; name?: string };
  text?: string;
  ts?: string;
  replyTo?: string;
  self?: boolean;
}

export const SMALL_ROOM = new URL('./fixtures/small-room.jsonl', import.meta.url);

/** A stdio JSON Lines fixture as analysis input: recalls mark their message. */
export function fixtureMessages(url: URL): AnalyticsMessage[] {
  const messages = new Map<string, AnalyticsMessage>();
  for (const line of readFileSync(url, 'utf8').split('\n').filter(Boolean)) {
    const event = JSON.parse(line) as StdioLine;
    if (event.type === 'recall') messages.get(event.id)!.recalled = true;
    if (event.type !== 'message') continue;
    messages.set(event.id, {
      id: event.id, senderId: event.from!.id, senderName: event.from!.name ?? event.from!.id, text: event.text ?? '',
      ts: Date.parse(event.ts!), kind: 'text', replyTo: event.replyTo ?? null, self: event.self ?? false,
    });
  }
  return [...messages.values()];
}
