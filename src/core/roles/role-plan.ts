import type { KindFilter } from '../../store/store.js';
import { chatLane, workerLane } from '../outbox/lanes.js';

export type Role = 'all' | 'chat' | 'web' | 'worker';

export const roles: readonly Role[] = ['all', 'chat', 'web', 'worker'];

export interface RolePlan {
  /** Connects the chat account (one leader per account on PostgreSQL). */
  chat: boolean;
  /** Serves webhooks, health and pages. */
  web: boolean;
  /** Outbox jobs run while leading the chat (or always, without chat), and while a standby. */
  jobs: { leading: Jobs; standby: Jobs };
}

type Jobs = KindFilter | 'all' | 'none';

/** What one process of each role runs. */
export function rolePlan(role: Role): RolePlan {
  switch (role) {
    case 'all':
      return { chat: true, web: true, jobs: { leading: 'all', standby: workerLane } };
    case 'chat':
      return { chat: true, web: false, jobs: { leading: chatLane, standby: 'none' } };
    case 'web':
      return { chat: false, web: true, jobs: { leading: 'none', standby: 'none' } };
    case 'worker':
      return { chat: false, web: false, jobs: { leading: workerLane, standby: workerLane } };
  }
}

/** The jobs this process runs now. */
export function jobsNow(plan: RolePlan, leading: boolean): Jobs {
  return leading || !plan.chat ? plan.jobs.leading : plan.jobs.standby;
}

/** The kinds the worker claims now (undefined: every kind; `only: []`: none). */
export function kindsNow(plan: RolePlan, leading: boolean): KindFilter | undefined {
  const jobs = jobsNow(plan, leading);
  if (jobs === 'none') return { only: [] };
  return jobs === 'all' ? undefined : jobs;
}

/** Roles split one deployment over processes sharing a database, which SQLite cannot do. */
export function roleRefusal(role: Role): string {
  return `--role ${role} needs PostgreSQL (DATABASE_URL=postgres://…): processes of separate roles share one database, and SQLite serves a single process; use --role all (the default) with SQLite`;
}
