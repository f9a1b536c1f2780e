import { sql, type Kysely } from 'kysely';
import { pendingMigrations } from './migrate.js';
import { findMemberById, roomRole, setRoomRole, upsertMember } from './repositories/member.repository.js';
import {
  countMessages, editMessage, findMessage, findMessageById, findQuotedMessage, insertMessages, lastCommandBefore,
  messageRevisions, messagesBefore, recallMessage, recentMessages, roomHistoryPages, streamRoomMessages,
} from './repositories/message.repository.js';
import {
  addJob, claimDueJobs, completeJob, extendLease, countJobs, deferJob, enqueueJob, failJob, foldJobs, getJob, listJobs, nextAttemptAt, releaseRunningJobs,
  waitingJobsOfRoom, retryJob,
} from './repositories/outbox.repository.js';
import { tenantRepository } from './repositories/tenant.repository.js';
import { installationRepository } from './repositories/installation.repository.js';
import { sessionRepository } from './repositories/session.repository.js';
import { forgeWriteRepository } from './repositories/forge-write.repository.js';
import { pollRepository } from './repositories/poll.repository.js';
import { adminRepository } from './repositories/admin.repository.js';
import { findIssueLinkByCommand, findIssueLinksByIssue, insertIssueLink, setIssueLinkState } from './repositories/issue-link.repository.js';
import {
  findRoomByExternalId, findRoomById, findRoomByName, listRooms, roomTopicHistory, setRoomRepo, upsertRoom,
} from './repositories/room.repository.js';
import type { Database } from './schema.js';
import {
  archiveHistoryPages, archiveIssues, archiveMembers, archiveMessagesById, conversationMessages, conversationNumber, unplacedCount, publicRooms, roomConversations, setMemberOptOut, setRoomPublic, streamArchiveRoom,
} from './repositories/archive.repository.js';
import { createArchiveSearchIndex } from '../search/archive-search-index.js';
import { messagesInConversation, setThreads } from './repositories/thread.repository.js';
import {
  countFaqHit, faqVersion, getFaqEntry, lastFaqAnswer, listFaqEntries, recordFaqAnswer, removeFaqEntry, upsertFaqEntry, voteFaqEntry,
} from './repositories/faq.repository.js';
import {
  recordDelivery, removeSubscription, subscriptionsOfRepo, subscriptionsOfRoom, upsertSubscription,
} from './repositories/subscription.repository.js';
import type { StoredMessage } from '../core/types.js';
import type { Subscription } from '../core/notify/subscription.js';
import type { Dialect, MessageInput, NewOutboxJob, Repositories, Store } from './store.js';
import { isTransientError } from './transient-error.js';
import { OutageTracker } from './outage-tracker.js';

/** Dialect-specific fast paths that replace a repository function. */
export interface FastPaths {
  insertMessages?: (inputs: MessageInput[]) => (StoredMessage | undefined)[];
  recordDelivery?: (deliveryId: string, event: string) => boolean;
  addJob?: (job: NewOutboxJob) => boolean;
  subscriptionsOfRepo?: (repo: string) => Subscription[];
  /** Runs on a connection of its own, so it serves outside transactions too. */
  historyPages?: Repositories['messages']['historyPages'];
  /** Closes what the fast paths opened. */
  close?: () => void;
}

/** Binds the repository functions to a database handle (the pool, or one transaction). */
function repositories(db: Kysely<Database>, dialect: Dialect, fast: FastPaths): Repositories {
  const { insertMessages: fastInsert, recordDelivery: fastRecord, addJob: fastAdd, subscriptionsOfRepo: fastOfRepo, historyPages: fastHistory } = fast;
  return {
    archive: {
      setRoomPublic: (roomId, on) => setRoomPublic(db, roomId, on),
      setOptOut: (memberId, out) => setMemberOptOut(db, memberId, out),
      publicRooms: () => publicRooms(db),
      conversations: (roomId) => roomConversations(db, roomId),
      conversation: (roomId, key, range) => conversationMessages(db, roomId, key, range),
      historyPages: (roomId, pageSize) => archiveHistoryPages(db, roomId, pageSize),
      messagesById: (ids) => archiveMessagesById(db, ids),
      streamRoom: (roomId, pageSize) => streamArchiveRoom(db, roomId, pageSize),
      members: (roomId) => archiveMembers(db, roomId),
      issues: (roomId) => archiveIssues(db, roomId),
      conversationNumber: (roomId, key) => conversationNumber(db, roomId, key),
      unplacedCount: (roomId) => unplacedCount(db, roomId),
    },
    rooms: {
      upsert: (input) => upsertRoom(db, input),
      findById: (id) => findRoomById(db, id),
      setRepo: (id, repo) => setRoomRepo(db, id, repo),
      findByExternalId: (platform, externalId) => findRoomByExternalId(db, platform, externalId),
      findByName: (name) => findRoomByName(db, name),
      topicHistory: (roomId) => roomTopicHistory(db, roomId),
      list: () => listRooms(db),
    },
    members: {
      upsert: (input) => upsertMember(db, input),
      findById: (id) => findMemberById(db, id),
      setRoomRole: (roomId, memberId, role) => setRoomRole(db, roomId, memberId, role),
      roleIn: (roomId, memberId) => roomRole(db, roomId, memberId),
    },
    messages: {
      insertMany: fastInsert ? async (inputs) => fastInsert(inputs) : (inputs) => insertMessages(db, inputs),
      findById: (id) => findMessageById(db, id),
      findByPlatformId: (roomId, id) => findMessage(db, roomId, id),
      before: (roomId, beforeId, limit, afterId) => messagesBefore(db, roomId, beforeId, limit, afterId),
      lastCommandBefore: (roomId, beforeId, name) => lastCommandBefore(db, roomId, beforeId, name),
      findQuoted: (roomId, senderName, text) => findQuotedMessage(db, roomId, senderName, text),
      recall: (roomId, id, at) => recallMessage(db, roomId, id, at),
      edit: (roomId, id, text, at) => editMessage(db, roomId, id, text, at),
      revisions: (messageId) => messageRevisions(db, messageId),
      recent: (roomId, limit) => recentMessages(db, roomId, limit),
      streamRoom: (roomId, pageSize) => streamRoomMessages(db, roomId, pageSize),
      historyPages: fastHistory ?? ((roomId, pageSize) => roomHistoryPages(db, roomId, pageSize)),
      count: (roomId) => countMessages(db, roomId),
      inConversation: (roomId, conversationId, beforeId, limit) => messagesInConversation(db, roomId, conversationId, beforeId, limit),
      setThreads: (roomId, placements) => setThreads(db, roomId, placements),
    },
    subscriptions: {
      upsert: (input) => upsertSubscription(db, input),
      remove: (roomId, repo) => removeSubscription(db, roomId, repo),
      ofRoom: (roomId) => subscriptionsOfRoom(db, roomId),
      ofRepo: fastOfRepo ? async (repo) => fastOfRepo(repo) : (repo) => subscriptionsOfRepo(db, repo),
    },
    deliveries: { record: fastRecord ? async (deliveryId, event) => fastRecord(deliveryId, event) : (deliveryId, event) => recordDelivery(db, deliveryId, event) },
    faq: {
      upsert: (entry) => upsertFaqEntry(db, entry),
      get: (id) => getFaqEntry(db, id),
      list: () => listFaqEntries(db),
      remove: (id) => removeFaqEntry(db, id),
      version: () => faqVersion(db),
      countHit: (id) => countFaqHit(db, id),
      vote: (id, memberId, helpful) => voteFaqEntry(db, id, memberId, helpful),
      recordAnswer: (roomId, entryId, question) => recordFaqAnswer(db, roomId, entryId, question),
      lastAnswer: (roomId, entryId) => lastFaqAnswer(db, roomId, entryId),
    },
    issueLinks: {
      insert: (input) => insertIssueLink(db, input),
      findByCommand: (id) => findIssueLinkByCommand(db, id),
      findByIssue: (repo, number) => findIssueLinksByIssue(db, repo, number),
      setState: (repo, number, state) => setIssueLinkState(db, repo, number, state),
    },
    outbox: {
      enqueue: (job) => enqueueJob(db, job),
      add: fastAdd ? async (job) => fastAdd(job) : (job) => addJob(db, job),
      claimDue: (now, limit, leaseMs, kinds) => claimDueJobs(db, dialect, now, limit, leaseMs, kinds),
      complete: (id) => completeJob(db, id),
      extendLease: (id, leaseMs) => extendLease(db, id, leaseMs),
      fail: (id, error, retryAt) => failJob(db, id, error, retryAt),
      counts: () => countJobs(db),
      nextAttemptAt: (kinds) => nextAttemptAt(db, kinds),
      list: (status) => listJobs(db, status),
      releaseRunning: () => releaseRunningJobs(db),
      get: (id) => getJob(db, id),
      waitingOfRoom: (roomId, kind) => waitingJobsOfRoom(db, roomId, kind),
      defer: (id, at) => deferJob(db, id, at),
      fold: (ids, intoId) => foldJobs(db, ids, intoId),
      retry: (id) => retryJob(db, id),
    },
    tenants: tenantRepository(db),
    installations: installationRepository(db),
    sessions: sessionRepository(db),
    forgeWrites: forgeWriteRepository(db, dialect),
    polling: pollRepository(db),
    admins: adminRepository(db, dialect),
  };
}

export function createKyselyStore(db: Kysely<Database>, dialect: Dialect, fast: FastPaths = {}, outages = new OutageTracker(dialect === 'postgres' ? 'PostgreSQL' : 'SQLite')): Store {
  return {
    // Fast paths run raw on the one SQLite connection: safe only inside a transaction, which holds it.
    ...repositories(db, dialect, { historyPages: fast.historyPages }),
    dialect,
    search: createArchiveSearchIndex(db, dialect),
    transaction: (work) => outages.watch(() => db.transaction().execute((tx) => work(repositories(tx, dialect, fast)))),
    isTransient: isTransientError,
    outageOf: (error) => outages.describe(error),
    currentOutage: () => outages.outage,
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    pendingMigrations: () => pendingMigrations(db as Kysely<unknown>, dialect),
    close: async () => {
      fast.close?.();
      await db.destroy();
    },
  };
}
