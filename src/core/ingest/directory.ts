import type { Repositories } from '../../store/store.js';
import type { ChatEvent, Member, MemberRef, Room, RoomRef } from '../types.js';

const MAX_CACHED = 10_000;

/**
 * Rooms and members by platform id, cached so the steady state writes only messages.
 * Callers must `forget()` after a failed transaction: cached rows may never have been committed.
 */
export class Directory {
  private rooms = new Map<string, Room>();
  private members = new Map<string, Member>();

  constructor(private readonly platform: string) {}

  /** The room an event belongs to; a direct chat is a room of kind `direct` keyed by the other party. */
  async room(tx: Repositories, event: ChatEvent): Promise<Room | undefined> {
    const other = (event.type === 'message' && event.to) || event.from;
    const ref: RoomRef | undefined = event.room ?? (other && { id: other.id, topic: other.name });
    if (!ref) return undefined;
    const kind = event.room ? 'group' : 'direct';
    const externalId = event.room ? ref.id : directRoomId(ref.id);
    const cached = this.rooms.get(externalId);
    if (cached && (ref.topic === undefined || ref.topic === cached.topic)) return cached;
    const room = await tx.rooms.upsert({ platform: this.platform, externalId, kind, topic: ref.topic });
    return remember(this.rooms, externalId, room);
  }

  async member(tx: Repositories, ref: MemberRef): Promise<Member> {
    const cached = this.members.get(ref.id);
    if (cached && (ref.name === undefined || ref.name === cached.name)) return cached;
    const member = await tx.members.upsert({ platform: this.platform, externalId: ref.id, name: ref.name });
    return remember(this.members, ref.id, member);
  }

  forget(): void {
    this.rooms.clear();
    this.members.clear();
  }
}

/** Direct chats get their own id space, so a contact id never collides with a group id. */
export function directRoomId(memberId: string): string {
  return `dm:${memberId}`;
}

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, value);
  return value;
}
