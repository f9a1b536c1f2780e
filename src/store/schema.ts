import type { Generated } from 'kysely';

/** Times are epoch milliseconds in every table: sortable and identical on SQLite and PostgreSQL. */
export interface RoomsTable {
  id: Generated<number>;
  platform: string;
  external_id: string;
  kind: string;
  topic: string | null;
  locale: string | null;
  repo: string | null;
  archive_public: Generated<number>;
  /** Set by the room itself (`/archive on`) or the operator's config: the dashboard may publish only then (0012). */
  archive_opt_in: Generated<number>;
  created_at: number;
  updated_at: number;
}

export interface RoomTopicsTable {
  id: Generated<number>;
  room_id: number;
  topic: string;
  changed_at: number;
}

export interface MembersTable {
  id: Generated<number>;
  platform: string;
  external_id: string;
  name: string | null;
  role: string | null;
  archive_optout: Generated<number>;
  created_at: number;
  updated_at: number;
}

export interface MessagesTable {
  id: Generated<number>;
  room_id: number;
  sender_id: number;
  platform_msg_id: string;
  kind: string;
  text: string;
  ts: number;
  reply_to: string | null;
  is_self: number;
  recalled_at: number | null;
  edited_at: number | null;
  created_at: number;
  /** Name of the command this message is, if any. */
  command: string | null;
  /** Platform id of the message that started this one's conversation. */
  conversation_id: string | null;
  /** Platform id of the earlier message this one answers or continues (threading, not a quote). */
  thread_parent: string | null;
}

export interface MessageRevisionsTable {
  id: Generated<number>;
  message_id: number;
  text: string;
  replaced_at: number;
}

export interface OutboxTable {
  id: Generated<number>;
  kind: string;
  payload: string;
  idempotency_key: string;
  room_id: number | null;
  status: string;
  attempts: Generated<number>;
  next_attempt_at: number;
  locked_until: number | null;
  last_error: string | null;
  created_at: number;
  updated_at: number;
}

export interface IssueLinksTable {
  id: Generated<number>;
  room_id: number;
  repo: string;
  issue_number: number;
  issue_url: string;
  title: string;
  command_message_id: number;
  first_message_id: number | null;
  last_message_id: number | null;
  message_count: number;
  state: Generated<string>;
  created_at: number;
}

export interface DeliveriesTable {
  delivery_id: string;
  event: string;
  received_at: number;
}

export interface SubscriptionsTable {
  id: Generated<number>;
  room_id: number;
  repo: string;
  /** JSON array of features. */
  features: string;
  /** JSON object of filters. */
  filters: string;
  created_at: number;
  updated_at: number;
}

export interface FaqEntriesTable {
  id: string;
  /** JSON array of question paraphrases. */
  questions: string;
  answer: string;
  url: string | null;
  /** JSON array of tags. */
  tags: string;
  source: string;
  hits: Generated<number>;
  helpful: Generated<number>;
  not_helpful: Generated<number>;
  created_at: number;
  updated_at: number;
}

export interface FaqAnswersTable {
  id: Generated<number>;
  room_id: number;
  entry_id: string;
  question: string;
  answered_at: number;
}

/** SQLite's FTS5 archive index: rowid = messages.id, body = segmented, redacted text. */
export interface ArchiveFtsTable {
  rowid: number;
  body: string;
  /** `r<room id>`: one token, so a search keeps to rooms inside the index. */
  room: string;
}

/** PostgreSQL's archive index. */
export interface ArchiveSearchTable {
  message_id: number;
  room_id: number;
  body: string;
}

export interface ArchiveSearchStateTable {
  room_id: number;
  last_message_id: number;
  synced_at: number;
}

export interface Database {
  archive_fts: ArchiveFtsTable;
  archive_search: ArchiveSearchTable;
  archive_search_state: ArchiveSearchStateTable;
  faq_entries: FaqEntriesTable;
  faq_answers: FaqAnswersTable;
  deliveries: DeliveriesTable;
  subscriptions: SubscriptionsTable;
  issue_links: IssueLinksTable;
  rooms: RoomsTable;
  room_topics: RoomTopicsTable;
  members: MembersTable;
  messages: MessagesTable;
  message_revisions: MessageRevisionsTable;
  outbox: OutboxTable;
}
