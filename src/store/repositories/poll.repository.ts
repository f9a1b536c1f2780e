import { sql, type Kysely } from 'kysely';

/** Where polling a repository's events stopped (the forge's EventCursor). */
export interface PollCursor {
  etag?: string;
  lastEventId: string;
}

/** A repository worth polling and since when: what happened before is history, not news. */
export interface PollTarget {
  /** owner/name, lower-case */
  repo: string;
  since: Date;
}

export interface PollRepository {
  /** Repositories some room subscribes to or opened an issue in, each since the first of those. */
  targets(): Promise<PollTarget[]>;
  cursor(forge: string, repo: string): Promise<PollCursor | undefined>;
  saveCursor(forge: string, repo: string, cursor: PollCursor, at?: Date): Promise<void>;
  /** The repositories with a cursor (lower-case). */
  polled(forge: string): Promise<string[]>;
  /** Drops the cursors: a repository polled again later starts from then, not from here. */
  forget(forge: string, repos: string[]): Promise<void>;
}

interface PollTables {
  forge_poll_cursors: { forge: string; repo: string; etag: string | null; last_event_id: string; updated_at: number };
  subscriptions: { repo: string; created_at: number };
  issue_links: { repo: string; created_at: number };
}

type Db = Kysely<PollTables>;

/** Poll cursors, and what polling reads of subscriptions and issue links. */
export function pollRepository(database: Kysely<any>): PollRepository {
  const db = database as Db;
  return {
    async targets() {
      const lower = sql<string>`lower(repo)`;
      const subscribed = await db.selectFrom('subscriptions').select([lower.as('repo'), (eb) => eb.fn.min('created_at').as('since')]).groupBy(lower).execute();
      const linked = await db.selectFrom('issue_links').select([lower.as('repo'), (eb) => eb.fn.min('created_at').as('since')]).groupBy(lower).execute();
      const since = new Map<string, number>();
      for (const row of [...subscribed, ...linked]) since.set(row.repo, Math.min(Number(row.since), since.get(row.repo) ?? Infinity));
      return [...since].sort(([a], [b]) => (a < b ? -1 : 1)).map(([repo, at]) => ({ repo, since: new Date(at) }));
    },
    async cursor(forge, repo) {
      const row = await db.selectFrom('forge_poll_cursors').select(['etag', 'last_event_id']).where('forge', '=', forge).where('repo', '=', repo.toLowerCase()).executeTakeFirst();
      return row && { lastEventId: row.last_event_id, ...(row.etag ? { etag: row.etag } : {}) };
    },
    async saveCursor(forge, repo, cursor, at = new Date()) {
      const values = { etag: cursor.etag ?? null, last_event_id: cursor.lastEventId, updated_at: at.getTime() };
      await db
        .insertInto('forge_poll_cursors')
        .values({ forge, repo: repo.toLowerCase(), ...values })
        .onConflict((conflict) => conflict.columns(['forge', 'repo']).doUpdateSet(values))
        .execute();
    },
    async polled(forge) {
      const rows = await db.selectFrom('forge_poll_cursors').select('repo').where('forge', '=', forge).orderBy('repo').execute();
      return rows.map((row) => row.repo);
    },
    async forget(forge, repos) {
      if (repos.length === 0) return;
      await db.deleteFrom('forge_poll_cursors').where('forge', '=', forge).where('repo', 'in', repos.map((repo) => repo.toLowerCase())).execute();
    },
  };
}
