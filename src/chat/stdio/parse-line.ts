import { z } from 'zod';
import { MESSAGE_KINDS, ROOM_ROLES, type ChatEvent } from '../../core/types.js';

const id = z.string().min(1, 'must not be empty');
const timestamp = z.iso.datetime({ offset: true, local: true, message: 'expected an ISO 8601 time such as 2026-11-24T10:00:00+08:00' });
const room = z.object({ id, topic: z.string().optional() });
const member = z.object({ id, name: z.string().optional() });
// Only a message says who sent it: its sender's role in the room, as the bridged platform reports it.
const sender = member.extend({ role: z.enum(ROOM_ROLES, { error: 'expected "owner", "admin" or "member"' }).optional() });

const message = z.object({
  type: z.literal('message'),
  id,
  room: room.nullish(),
  from: sender,
  text: z.string(),
  ts: timestamp.optional(),
  kind: z.enum(MESSAGE_KINDS).optional(),
  replyTo: id.optional(),
  self: z.boolean().optional(),
  mentionsBot: z.boolean().optional(),
});
const recall = z.object({ type: z.literal('recall'), id, room: room.nullish(), from: member.optional(), ts: timestamp.optional() });
const edit = z.object({ type: z.literal('edit'), id, room: room.nullish(), from: member.optional(), text: z.string(), ts: timestamp.optional() });
const line = z.discriminatedUnion('type', [message, recall, edit], {
  error: (issue) => (issue.code === 'invalid_union' ? 'expected "type" to be "message", "recall" or "edit"' : undefined),
});

export type ParsedLine = { ok: true; event: ChatEvent } | { ok: false; error: string };

/** One stdio JSON Lines record → a ChatEvent, or a one-line explanation of what is wrong with it. */
export function parseLine(text: string, now: () => Date = () => new Date()): ParsedLine {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `not valid JSON (${(error as Error).message})` };
  }
  const result = line.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const path = issue.path.join('.');
    return { ok: false, error: `${path ? `${path}: ` : ''}${issue.message.replace(/^Invalid (input|option): /, '')}` };
  }
  const { ts, room: roomRef, ...rest } = result.data;
  const at = ts ? new Date(ts) : now();
  const base = { ...rest, room: roomRef ?? null, ts: at };
  if (base.type === 'message') return { ok: true, event: { ...base, kind: base.kind ?? 'text' } as ChatEvent };
  return { ok: true, event: base as ChatEvent };
}
