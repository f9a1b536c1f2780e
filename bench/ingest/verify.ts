import Database from 'better-sqlite3';
import type { EventSet } from './events.js';

/** Counts what landed in the file, apart from the code under test, so no variant can report a fake number. */
export function verifyStored(path: string, expected: EventSet): void {
  const db = new Database(path, { readonly: true });
  try {
    const count = (table: string) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    const actual = { messages: count('messages'), rooms: count('rooms'), members: count('members') };
    const wanted = { messages: expected.events.length, rooms: expected.rooms, members: expected.members };
    if (JSON.stringify(actual) !== JSON.stringify(wanted)) {
      throw new Error(`stored ${JSON.stringify(actual)}, expected ${JSON.stringify(wanted)}`);
    }
  } finally {
    db.close();
  }
}
