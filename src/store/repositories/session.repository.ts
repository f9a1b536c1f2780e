import type { Kysely } from 'kysely';

/** A dashboard session row; found by the hash of the id the cookie carries, never by the id itself. */
export interface StoredSession {
  idHash: string;
  login: string;
  tenantId: number | null;
  csrf: string;
  /** The user's GitHub token, sealed with a key only the cookie's id yields. */
  sealedToken: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export interface SessionRepository {
  create(session: StoredSession): Promise<void>;
  /** The session if it exists and has not expired at `now`. */
  find(idHash: string, now: Date): Promise<StoredSession | undefined>;
  /** Records activity; no-op for a session already removed. */
  touch(idHash: string, at: Date): Promise<void>;
  setTenant(idHash: string, tenantId: number): Promise<void>;
  /** Ends the session (sign-out): its cookie opens nothing afterwards. */
  remove(idHash: string): Promise<void>;
  /** Deletes every session expired at `now`; returns how many. */
  sweep(now: Date): Promise<number>;
}

interface SessionTables {
  dashboard_sessions: {
    id_hash: string;
    login: string;
    tenant_id: number | null;
    csrf: string;
    github_token: string | null;
    created_at: number;
    last_seen_at: number;
    expires_at: number;
  };
}

type Db = Kysely<SessionTables>;
type Row = SessionTables['dashboard_sessions'];

function toSession(row: Row): StoredSession {
  return {
    idHash: row.id_hash,
    login: row.login,
    tenantId: row.tenant_id === null ? null : Number(row.tenant_id),
    csrf: row.csrf,
    sealedToken: row.github_token,
    createdAt: new Date(Number(row.created_at)),
    lastSeenAt: new Date(Number(row.last_seen_at)),
    expiresAt: new Date(Number(row.expires_at)),
  };
}

/** Dashboard sessions in the store, so every web process sees a sign-out at once. */
export function sessionRepository(database: Kysely<any>): SessionRepository {
  const db = database as Db;
  const table = () => db.updateTable('dashboard_sessions');
  return {
    create: async (s) => {
      await db
        .insertInto('dashboard_sessions')
        .values({
          id_hash: s.idHash, login: s.login, tenant_id: s.tenantId, csrf: s.csrf, github_token: s.sealedToken,
          created_at: s.createdAt.getTime(), last_seen_at: s.lastSeenAt.getTime(), expires_at: s.expiresAt.getTime(),
        })
        .execute();
    },
    find: async (idHash, now) => {
      const row = await db.selectFrom('dashboard_sessions').selectAll().where('id_hash', '=', idHash).where('expires_at', '>', now.getTime()).executeTakeFirst();
      return row && toSession(row);
    },
    touch: async (idHash, at) => void (await table().set({ last_seen_at: at.getTime() }).where('id_hash', '=', idHash).execute()),
    setTenant: async (idHash, tenantId) => void (await table().set({ tenant_id: tenantId }).where('id_hash', '=', idHash).execute()),
    remove: async (idHash) => void (await db.deleteFrom('dashboard_sessions').where('id_hash', '=', idHash).execute()),
    sweep: async (now) => Number((await db.deleteFrom('dashboard_sessions').where('expires_at', '<=', now.getTime()).executeTakeFirst()).numDeletedRows),
  };
}
