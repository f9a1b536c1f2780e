import type { ArchiveIssue, ArchiveMember, ArchiveMessage, ConversationSummary } from '../core/archive/archive-types.js';
import type { FaqEntry, StoredFaqEntry } from '../core/faq/faq-entry.js';
import type { SearchIndex } from '../search/search-index.js';
import type { Subscription } from '../core/notify/subscription.js';
import type { InstallationRepository } from './repositories/installation.repository.js';
import type { IssueLink, Member, MessageKind, Room, RoomKind, RoomRole, StoredMessage } from '../core/types.js';
import type { TenantRepository } from './repositories/tenant.repository.js';
import type { SessionRepository } from './repositories/session.repository.js';
import type { ForgeWriteRepository } from './repositories/forge-write.repository.js';
import type { PollRepository } from './repositories/poll.repository.js';
import type { AdminRepository } from './repositories/admin.repository.js';

export type Dialect = 'sqlite' | 'postgres';

/** Why writes fail for now (write the same again later): nothing was written. */
export interface DatabaseOutage {
  kind: 'unreachable' | 'locked' | 'disk-full';
  /** One log line: what is wrong, what to do, and that nothing is lost. */
  advice: string;
}

export interface RoomInput {
  platform: string;
  externalId: string;
  kind: RoomKind;
  topic?: string;
}

export interface MemberInput {
  platform: string;
  externalId: string;
  name?: string;
}

export interface MessageInput {
  roomId: number;
  senderId: number;
  platformMsgId: string;
  kind: MessageKind;
  text: string;
  ts: Date;
  replyTo?: string;
  isSelf: boolean;
  /** Name of the command the message is, when it is one. */
  command?: string;
  /** Where the threading engine placed it (platform ids). */
  conversationId?: string;
  threadParent?: string;
}

/** A message's place in its room's conversations, by platform ids. */
export interface ThreadPlacement {
  platformMsgId: string;
  conversationId: string | null;
  threadParent: string | null;
}

export type IssueLinkInput = Omit<IssueLink, 'id' | 'state' | 'createdAt'>;

export interface RoomRepository {
  /** Creates the room or updates its topic; a changed topic is kept in the topic history. */
  upsert(input: RoomInput): Promise<Room>;
  findById(id: number): Promise<Room | undefined>;
  findByExternalId(platform: string, externalId: string): Promise<Room | undefined>;
  /** Binds the room to a repository (owner/name), or unbinds it with null. */
  setRepo(id: number, repo: string | null): Promise<void>;
  /** A group room by exact topic or platform id (the newest room when several share a topic). */
  findByName(name: string): Promise<Room | undefined>;
  topicHistory(roomId: number): Promise<{ topic: string; changedAt: Date }[]>;
  list(): Promise<Room[]>;
}

export interface MemberRepository {
  /** Creates the member or updates the name. */
  upsert(input: MemberInput): Promise<Member>;
  findById(id: number): Promise<Member | undefined>;
  /** Records the member's role in a group as the platform reported it. */
  setRoomRole(roomId: number, memberId: number, role: RoomRole): Promise<void>;
  /** The member's last reported role in the group, if the platform ever said. */
  roleIn(roomId: number, memberId: number): Promise<RoomRole | undefined>;
}

/** A stored message as `historyPages` reads it: no row ids, dates as epoch milliseconds. */
export interface HistoryMessage {
  platformMsgId: string;
  senderId: number;
  kind: string;
  text: string;
  ts: number;
  replyTo: string | null;
  isSelf: boolean;
  recalled: boolean;
  conversationId: string | null;
  /** The command the message was classified as at ingest (`malformed` for a near miss), else null. */
  command: string | null;
}

export interface MessageRepository {
  /** Inserts the messages that are new; returns one entry per input, `undefined` for one already stored. */
  insertMany(inputs: MessageInput[]): Promise<(StoredMessage | undefined)[]>;
  findById(id: number): Promise<StoredMessage | undefined>;
  findByPlatformId(roomId: number, platformMsgId: string): Promise<StoredMessage | undefined>;
  /** Up to `limit` messages people wrote before message `beforeId` and after `afterId` (not the bot's, not commands, not recalled), oldest first. */
  before(roomId: number, beforeId: number, limit: number, afterId?: number): Promise<StoredMessage[]>;
  /** The newest command message before message `beforeId` (of that command name, when given). */
  lastCommandBefore(roomId: number, beforeId: number, name?: string): Promise<StoredMessage | undefined>;
  /** The newest message in the room from a sender of that name whose text is `text` (resolves WeChat quotes). */
  findQuoted(roomId: number, senderName: string, text: string): Promise<StoredMessage | undefined>;
  /** Marks a message recalled (its text stays in the database, hidden from every output). */
  recall(roomId: number, platformMsgId: string, at: Date): Promise<boolean>;
  /** Replaces the text, keeping the previous one in the revision history. */
  edit(roomId: number, platformMsgId: string, text: string, at: Date): Promise<boolean>;
  revisions(messageId: number): Promise<{ text: string; replacedAt: Date }[]>;
  /** The last `limit` messages of a room, oldest first. */
  recent(roomId: number, limit: number): Promise<StoredMessage[]>;
  /** Every message of a room in time order, read page by page. */
  streamRoom(roomId: number, pageSize?: number): AsyncIterable<StoredMessage>;
  /** Every message of a room in time order, page by page, with only the fields a read of the whole history needs (analytics). */
  historyPages(roomId: number, pageSize?: number): AsyncIterable<HistoryMessage[]>;
  count(roomId?: number): Promise<number>;
  /** Up to `limit` messages people wrote in a conversation before message `beforeId` (the newest), oldest first. */
  inConversation(roomId: number, conversationId: string, beforeId: number, limit: number): Promise<StoredMessage[]>;
  /** Records where messages sit in the room's conversations (a rebuild). */
  setThreads(roomId: number, placements: ThreadPlacement[]): Promise<void>;
}

export type OutboxStatus = 'pending' | 'running' | 'done' | 'failed';

export interface OutboxJob {
  id: number;
  kind: string;
  payload: unknown;
  idempotencyKey: string;
  roomId: number | null;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
}

/** Which job kinds a worker runs: only these, or all but these (the chat process sends, workers do the rest). */
export type KindFilter = { only: readonly string[] } | { except: readonly string[] };

export type NewOutboxJob = { kind: string; payload: unknown; idempotencyKey: string; roomId?: number; runAt?: Date };

export interface OutboxRepository {
  /** Adds a job unless one with the same idempotency key exists; returns the job either way. */
  enqueue(job: NewOutboxJob): Promise<OutboxJob>;
  /** Adds a job unless one with the same idempotency key exists, without reading it back; true when added. */
  add(job: NewOutboxJob): Promise<boolean>;
  /**
   * Leases up to `limit` due jobs (of `kinds`) until `leaseMs` from now; a job whose lease expired is due again.
   * A room's job is due only once its earlier due or running jobs of those kinds are finished.
   */
  claimDue(now: Date, limit: number, leaseMs: number, kinds?: KindFilter): Promise<OutboxJob[]>;
  complete(id: number): Promise<void>;
  /** Extends a running job's lease to `leaseMs` from now: a long job stays with its live worker. */
  extendLease(id: number, leaseMs: number): Promise<void>;
  /** Records the error; schedules a retry at `retryAt`, or marks the job failed when `retryAt` is null. */
  fail(id: number, error: string, retryAt: Date | null): Promise<void>;
  counts(): Promise<Record<OutboxStatus, number>>;
  /** When the earliest pending job (of `kinds`) is due, if any is pending. */
  nextAttemptAt(kinds?: KindFilter): Promise<Date | undefined>;
  list(status?: OutboxStatus): Promise<OutboxJob[]>;
  /** Makes every running job due now: only for a single-process (SQLite) deployment starting after a crash. */
  releaseRunning(): Promise<number>;
  get(id: number): Promise<OutboxJob | undefined>;
  /** Jobs of a kind for a room not yet done (pending or running), oldest first. */
  waitingOfRoom(roomId: number, kind: string): Promise<OutboxJob[]>;
  /** Puts a job back to wait until `at`, without counting the attempt (a rate limit, not a failure). */
  defer(id: number, at: Date): Promise<void>;
  /** Marks jobs done because another job did their work (notifications folded into one message). */
  fold(ids: number[], intoId: number): Promise<void>;
  /** Puts a failed job back in the queue with fresh attempts, due now; false when it is not failed. */
  retry(id: number): Promise<boolean>;
}

export interface IssueLinkRepository {
  /** Stores the link once per command message; returns the stored link either way. */
  insert(input: IssueLinkInput): Promise<IssueLink>;
  findByCommand(commandMessageId: number): Promise<IssueLink | undefined>;
  findByIssue(repo: string, issueNumber: number): Promise<IssueLink[]>;
  setState(repo: string, issueNumber: number, state: string): Promise<void>;
}

export interface SubscriptionRepository {
  /** Creates the room's subscription to the repository, or replaces its features and filters. */
  upsert(input: Omit<Subscription, 'id'>): Promise<Subscription>;
  remove(roomId: number, repo: string): Promise<boolean>;
  ofRoom(roomId: number): Promise<Subscription[]>;
  ofRepo(repo: string): Promise<Subscription[]>;
}

export interface DeliveryRepository {
  /** Records a webhook delivery; false when it was recorded before (a redelivery). */
  record(deliveryId: string, event: string): Promise<boolean>;
}

export interface FaqRepository {
  /** Creates the entry or replaces its content; idempotent by id. */
  upsert(entry: FaqEntry): Promise<'created' | 'updated' | 'unchanged'>;
  get(id: string): Promise<StoredFaqEntry | undefined>;
  list(): Promise<StoredFaqEntry[]>;
  remove(id: string): Promise<boolean>;
  /** Changes whenever an entry is added, changed, removed or voted on, by any process (hits do not change it). */
  version(): Promise<string>;
  countHit(id: string): Promise<void>;
  /** Counts the member's vote on the entry once; false (nothing changed) when they voted on it before. */
  vote(id: string, memberId: number, helpful: boolean): Promise<boolean>;
  recordAnswer(roomId: number, entryId: string, question: string): Promise<void>;
  lastAnswer(roomId: number, entryId: string): Promise<Date | undefined>;
}

/** What the public archive reads and the two switches that decide what it may show. */
export interface ArchiveRepository {
  /** Opts the room into the public archive, or out of it. */
  setRoomPublic(roomId: number, on: boolean): Promise<void>;
  /** Keeps every message of the member out of the archive (retroactively), or lets them in again. */
  setOptOut(memberId: number, out: boolean): Promise<void>;
  /** Group rooms that opted in. */
  publicRooms(): Promise<Room[]>;
  /** The room's conversations with at least one publishable message, oldest first. */
  conversations(roomId: number): Promise<ConversationSummary[]>;
  /** The publishable messages of one conversation (by key), oldest first; `range` reads one page of them. */
  conversation(roomId: number, key: string, range?: { offset: number; limit: number }): Promise<ArchiveMessage[]>;
  /** Every publishable message of the room in time order, in pages (the public report reads these). */
  historyPages(roomId: number, pageSize?: number): AsyncIterable<ArchiveMessage[]>;
  /** Publishable messages by id; hidden ones are left out. */
  messagesById(ids: number[]): Promise<ArchiveMessage[]>;
  /** Every publishable message of the room, conversation after conversation, in pages. */
  streamRoom(roomId: number, pageSize?: number): AsyncIterable<ArchiveMessage[]>;
  members(roomId: number): Promise<ArchiveMember[]>;
  issues(roomId: number): Promise<ArchiveIssue[]>;
  /** The stable number (first message id) of the conversation with that key, as in its URL. */
  conversationNumber(roomId: number, key: string): Promise<number | undefined>;
  /** People's messages never placed in a conversation (an imported log): the room needs a rebuild. */
  unplacedCount(roomId: number): Promise<number>;
}

export interface Repositories {
  archive: ArchiveRepository;
  rooms: RoomRepository;
  faq: FaqRepository;
  subscriptions: SubscriptionRepository;
  deliveries: DeliveryRepository;
  issueLinks: IssueLinkRepository;
  members: MemberRepository;
  messages: MessageRepository;
  outbox: OutboxRepository;
  /** GitHub App installations and the repositories they reach. */
  installations: InstallationRepository;
  tenants: TenantRepository;
  /** Dashboard sign-in sessions (revocable, shared by every web process). */
  sessions: SessionRepository;
  /** Issues and comments chat wrote to the forge: what the quotas count. */
  forgeWrites: ForgeWriteRepository;
  /** Where polling each repository's events stopped (bots with no public address). */
  polling: PollRepository;
  /** Bot admins kept in the database (besides the config's) and the claim codes that make the first one. */
  admins: AdminRepository;
}

/** The message log and everything else that must survive a restart, on SQLite or PostgreSQL. */
export interface Store extends Repositories {
  readonly dialect: Dialect;
  /** Full-text search over the public archive. */
  readonly search: SearchIndex;
  /** Runs `work` in one transaction: everything it writes lands together or not at all. */
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
  /** True when `error` is a lost connection or a lock held too long: nothing was written, and the same write may be tried again. */
  isTransient?(error: unknown): boolean;
  /** The outage `error` stands for (a cut connection, a lock held too long, a full disk), or undefined for any other error. */
  outageOf?(error: unknown): DatabaseOutage | undefined;
  /** The outage the last transaction ran into, until a transaction succeeds again (the health check reads it). */
  currentOutage?(): DatabaseOutage | undefined;
  /** Throws when the database cannot answer a trivial query. */
  ping(): Promise<void>;
  pendingMigrations(): Promise<string[]>;
  close(): Promise<void>;
}
