import type { PostgresPool, PostgresPoolClient } from 'kysely';

const NUL = '\u0000';
/** What a NUL (U+0000) or a lone surrogate becomes in the store: PostgreSQL text cannot hold either. */
export const REPLACEMENT = '\uFFFD';

/** ES2024 string methods, present in Node 20 (the project's lib is ES2023). */
type WellFormed = string & { isWellFormed(): boolean; toWellFormed(): string };

/**
 * The one representation both stores keep for text from outside: U+0000 becomes U+FFFD (PostgreSQL
 * rejects it, SQLite would keep it) and a lone surrogate becomes U+FFFD (as the UTF-8 encoders of
 * both drivers would write it). Applied to every statement parameter, so reads match writes.
 */
export function storableText(text: string): string {
  const clean = (text.includes(NUL) ? text.replaceAll(NUL, REPLACEMENT) : text) as WellFormed;
  return clean.isWellFormed() ? clean : clean.toWellFormed();
}

/** The statement parameters with every string made storable; the same array when none needed it. */
export function storableParameters<T extends readonly unknown[]>(parameters: T): T {
  let copy: unknown[] | undefined;
  parameters.forEach((value, index) => {
    if (typeof value !== 'string') return;
    const clean = storableText(value);
    if (clean !== value) (copy ??= [...parameters])[index] = clean;
  });
  return (copy ?? parameters) as unknown as T;
}

/** A pg pool as Kysely sees it, whose queries carry storable parameters. */
export function storablePool(pool: PostgresPool): PostgresPool {
  // One wrapper per pg client: Kysely keys its connections by the client object.
  const wrappers = new WeakMap<PostgresPoolClient, PostgresPoolClient>();
  const wrap = (client: PostgresPoolClient): PostgresPoolClient => ({
    query: ((sqlOrCursor: unknown, parameters?: readonly unknown[]) =>
      typeof sqlOrCursor === 'string' ? client.query(sqlOrCursor, storableParameters(parameters ?? [])) : client.query(sqlOrCursor as never)) as PostgresPoolClient['query'],
    release: (destroy) => client.release(destroy),
  });
  return {
    connect: async () => {
      const client = await pool.connect();
      let wrapper = wrappers.get(client);
      if (!wrapper) wrappers.set(client, (wrapper = wrap(client)));
      return wrapper;
    },
    end: () => pool.end(),
  };
}
