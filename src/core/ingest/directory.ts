import type { Repositories } from '../../store/store.js';
import { cleanLabel } from '../text/strip-controls.js';
import type { ChatEvent, Member, MemberRef, Room, RoomRef, RoomRole } from '../types.js';

/** Rooms and members kept; roles are per (room, member), so a few rooms of many members need more. */
const MAX_CACHED = 10_000;
const MAX_CACHED_ROLES = 100_000;

/**
 * Rooms and members by platform id, cached so the steady state writes only messages.
 * Callers must `forget()` after a failed transaction: cached rows may never have been committed.
 */
export class Directory {
  private rooms = new Map<string, Room>();
  private members = new Map<string, Member>();
  /** `room:member` → role; null when the store has none. */
  private roles = new Map<string, RoomRole | null>();

  constructor(private readonly platform: string) {}

  /** The room an event belongs to; a direct chat is a room of kind `direct` keyed by the other party. */
  async room(tx: Repositories, event: ChatEvent): Promise<Room | undefined> {
    const other = (event.type === 'message' && event.to) || event.from;
    const ref: RoomRef | undefined = event.room ?? (other && { id: other.id, topic: other.name });
    if (!ref) return undefined;
    const kind = event.room ? 'group' : 'direct';
    const externalId = event.room ? ref.id : directRoomId(ref.id);
    const topic = cleanOrNothing(ref.topic);
    const cached = this.rooms.get(externalId);
    if (cached && (topic === undefined || topic === cached.topic)) return cached;
    const room = await tx.rooms.upsert({ platform: this.platform, externalId, kind, topic });
    return remember(this.rooms, externalId, room);
  }

  async member(tx: Repositories, ref: MemberRef): Promise<Member> {
    const name = cleanOrNothing(ref.name);
    const cached = this.members.get(ref.id);
    if (cached && (name === undefined || name === cached.name)) return cached;
    const member = await tx.members.upsert({ platform: this.platform, externalId: ref.id, name });
    return remember(this.members, ref.id, member);
  }

  /**
   * The member's role in a group: the one the event reports (stored when it changed), else the stored one,
   * read only when `needed` (for a command: a chat message asks nothing of roles, and a read per new
   * room member cost ingest a fifth of its speed). Cached, so the steady state neither reads nor writes roles.
   */
  async roomRole(tx: Repositories, room: Room, member: Member, reported: RoomRole | undefined, needed: boolean): Promise<RoomRole | undefined> {
    if (room.kind !== 'group') return undefined;
    const key = `${room.id}:${member.id}`;
    const known = this.roles.get(key);
    if (reported === undefined) {
      if (known !== undefined || !needed) return known ?? undefined;
      const stored = (await tx.members.roleIn(room.id, member.id)) ?? null;
      return remember(this.roles, key, stored, MAX_CACHED_ROLES) ?? undefined;
    }
    if (known !== reported) await tx.members.setRoomRole(room.id, member.id, reported);
    remember(this.roles, key, reported, MAX_CACHED_ROLES);
    return reported;
  }

  forget(): void {
    this.rooms.clear();
    this.members.clear();
    this.roles.clear();
  }
}

/**
 * A name or topic as stored: one line without bidi controls or invisible characters, which could
 * reverse or hide text wherever it is shown (issues, the archive, JSON-LD); undefined when nothing
 * visible is left, so the member or room keeps what it had.
 */
function cleanOrNothing(label: string | undefined): string | undefined {
  return label === undefined ? undefined : cleanLabel(label) || undefined;
}

/** Direct chats get their own id space, so a contact id never collides with a group id. */
export function directRoomId(memberId: string): string {
  return `dm:${memberId}`;
}

/** Cache a value; when full, the oldest entry goes (a clear-all made a full cache miss every time). */
function remember<T>(cache: Map<string, T>, key: string, value: T, limit = MAX_CACHED): T {
  if (cache.size >= limit && !cache.has(key)) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
  return value;
}
