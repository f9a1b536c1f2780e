import { sql, type RawBuilder, type SqlBool } from 'kysely';

/**
 * The archive's one rule for which messages may be published (m: messages, s: members): people's
 * messages, not commands, not recalled, sender not opted out. The archive's pages, its search and
 * the public report all read through it.
 */
export const PUBLISHABLE_MESSAGE: RawBuilder<SqlBool> = sql<SqlBool>`(m.is_self = 0 and m.command is null and m.recalled_at is null and s.archive_optout = 0)`;

/** The rule with the room's opt-in (r: rooms), for queries across rooms (search). */
export const PUBLISHABLE: RawBuilder<SqlBool> = sql<SqlBool>`r.archive_public = 1 and ${PUBLISHABLE_MESSAGE}`;
