import type { Kysely } from 'kysely';
import type { IssueLink } from '../../core/types.js';
import type { Database } from '../schema.js';
import type { IssueLinkInput } from '../store.js';
import { toIssueLink } from './mappers.js';

type Db = Kysely<Database>;

/** Stores the link once per command message; returns the stored link either way. */
export async function insertIssueLink(db: Db, input: IssueLinkInput, now = Date.now()): Promise<IssueLink> {
  await db
    .insertInto('issue_links')
    .values({
      room_id: input.roomId,
      repo: input.repo,
      issue_number: input.issueNumber,
      issue_url: input.issueUrl,
      title: input.title,
      command_message_id: input.commandMessageId,
      first_message_id: input.firstMessageId,
      last_message_id: input.lastMessageId,
      message_count: input.messageCount,
      created_at: now,
    })
    .onConflict((conflict) => conflict.column('command_message_id').doNothing())
    .execute();
  return (await findIssueLinkByCommand(db, input.commandMessageId))!;
}

export async function findIssueLinkByCommand(db: Db, commandMessageId: number): Promise<IssueLink | undefined> {
  const row = await db.selectFrom('issue_links').selectAll().where('command_message_id', '=', commandMessageId).executeTakeFirst();
  return row && toIssueLink(row);
}

export async function findIssueLinksByIssue(db: Db, repo: string, issueNumber: number): Promise<IssueLink[]> {
  const rows = await db.selectFrom('issue_links').selectAll().where('repo', '=', repo).where('issue_number', '=', issueNumber).execute();
  return rows.map(toIssueLink);
}

export async function setIssueLinkState(db: Db, repo: string, issueNumber: number, state: string): Promise<void> {
  await db.updateTable('issue_links').set({ state }).where('repo', '=', repo).where('issue_number', '=', issueNumber).execute();
}
