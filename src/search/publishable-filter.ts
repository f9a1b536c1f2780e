import { sql } from 'kysely';

/** The filter every archive query applies (m: messages, r: rooms, s: members): public room, people's messages, not recalled, sender not opted out. */
export const PUBLISHABLE = sql`r.archive_public = 1 and m.is_self = 0 and m.command is null and m.recalled_at is null and s.archive_optout = 0`;
