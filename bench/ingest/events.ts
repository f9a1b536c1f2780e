import type { ChatMessageEvent, MemberRef, RoomRef } from '../../src/core/types.js';
import { GIVEN_NAMES, HANDLES, PHRASES, PROJECTS, SURNAMES } from './phrases.js';
import { pick, seededRandom } from './random.js';

export interface EventSet {
  events: ChatMessageEvent[];
  rooms: number;
  members: number;
}

const MIN_TEXT = 10;
const MAX_TEXT = 80;

/** `count` group messages with distinct ids over `roomCount` rooms and `memberCount` members. */
export function chatEvents(count: number, roomCount = 20, memberCount = 500, seed = 42): EventSet {
  const random = seededRandom(seed);
  const rooms = Array.from({ length: roomCount }, (_, i) => room(random, i));
  const members = Array.from({ length: memberCount }, (_, i) => member(random, i));
  const usedRooms = new Set<RoomRef>();
  const usedMembers = new Set<MemberRef>();
  const start = Date.parse('2026-11-24T10:00:00+08:00');
  const events = Array.from({ length: count }, (_, i): ChatMessageEvent => {
    const event = { type: 'message', id: `bench-${i}`, room: pick(random, rooms), from: pick(random, members), text: text(random), kind: 'text', ts: new Date(start + i * 1000) } as const;
    usedRooms.add(event.room);
    usedMembers.add(event.from);
    return event;
  });
  return { events, rooms: usedRooms.size, members: usedMembers.size };
}

function room(random: () => number, index: number): RoomRef {
  return { id: `${index}@chatroom`, topic: `${pick(random, PROJECTS)} 用户交流群 ${index + 1}` };
}

function member(random: () => number, index: number): MemberRef {
  const name = random() < 0.6 ? pick(random, SURNAMES) + pick(random, GIVEN_NAMES) : `${pick(random, HANDLES)}${index}`;
  return { id: `wxid_${index.toString(36).padStart(6, '0')}`, name };
}

/** One to three phrases, 10 to 80 characters. */
function text(random: () => number): string {
  let result = pick(random, PHRASES);
  while (result.length < MIN_TEXT || random() < 0.4) result += ` ${pick(random, PHRASES)}`;
  return [...result].slice(0, MAX_TEXT).join('');
}
