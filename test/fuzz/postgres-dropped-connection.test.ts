import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { postgresAvailable } from '../helpers/databases.js';

const PG_URL = process.env.OSSCHAT_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const available = await postgresAvailable('a dropped PostgreSQL connection');

describe.runIf(available)('PostgreSQL drops an idle connection (restart, failover, pg_terminate_backend)', () => {
  it('the store survives and its next query reconnects', async () => {
    const schema = `osschat_drop_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    const options = encodeURIComponent(`-c search_path=${schema}`);
    const store = await openStore(`${PG_URL}${PG_URL.includes('?') ? '&' : '?'}options=${options}&application_name=${schema}`);
    try {
      await store.rooms.list();
      const killed = await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1', [schema]);
      expect(killed.rowCount).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await expect(store.rooms.list()).resolves.toEqual([]);
    } finally {
      await store.close();
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    }
  });
});

describe.runIf(available)('the chat leader when PostgreSQL cuts its lock connection', () => {
  it('takes the lock again and keeps leading, so the bot does not stop', async () => {
    const name = `osschat_lead_${randomBytes(5).toString('hex')}`;
    const { waitForLeadership } = await import('../../src/chat/leader-lock.js');
    const { silentLogger } = await import('../../src/core/logger.js');
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    const lost: string[] = [];
    const leadership = await waitForLeadership({ url: `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}application_name=${name}`, account: name, log: silentLogger, onLost: (reason) => lost.push(reason) });
    const tryLock = async () => (await admin.query("select pg_try_advisory_lock(hashtext('osschat.chat'), hashtext(current_schema() || '/' || $1)) as ok", [name])).rows[0].ok as boolean;
    try {
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1', [name]);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(lost).toEqual([]);
      expect(await tryLock()).toBe(false);
    } finally {
      await leadership.release();
      await admin.end();
    }
  });
});
