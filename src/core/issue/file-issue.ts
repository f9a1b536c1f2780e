import type { ChatContext } from '../context.js';
import type { IssueCategory } from '../services.js';
import type { IssueLink, StoredMessage } from '../types.js';
import type { Forge, ForgeIssue } from '../../forge/forge.js';
import { conversationArchiveUrl } from '../archive/conversation-archive-url.js';
import { attributionName } from './attribution.js';
import { commandKey } from './command-key.js';
import { findEarlier } from './find-earlier.js';
import { draftIssue, findMarker, type RelatedIssue } from './draft-issue.js';
import { searchTerms } from './search-terms.js';

export interface IssueRequest {
  repo: string;
  messages: StoredMessage[];
  title?: string;
  category?: IssueCategory;
  attempt: number;
}

export interface Filed {
  link: IssueLink;
  related: RelatedIssue[];
}

/** Drafts the issue, looks for duplicates, creates it once (finding it again after a crash) and stores the link. */
export async function fileIssue(ctx: ChatContext, forge: Forge, request: IssueRequest): Promise<Filed> {
  const names = await senderNames(ctx, request.messages);
  const archiveUrl = await conversationArchiveUrl(ctx, request.messages);
  const draftOf = (related: RelatedIssue[]) =>
    draftIssue({
      messages: request.messages.map((m) => ({ senderName: names.get(m.senderId) ?? '?', text: m.text, kind: m.kind, ts: m.ts })),
      title: request.title,
      roomName: ctx.room.kind === 'group' ? (ctx.room.topic ?? ctx.room.externalId) : '',
      requester: attributionName(ctx.sender),
      requestedAt: ctx.message.ts,
      timeZone: ctx.services.issues.timeZone,
      locale: ctx.locale,
      version: ctx.services.version,
      marker: commandKey(ctx, 'chat'),
      related,
      ...(archiveUrl ? { archiveUrl } : {}),
      redact: ctx.services.issues.redact,
    });
  const plain = draftOf([]);
  const related = await possibleDuplicates(ctx, forge, request.repo, plain.title);
  const draft = related.length > 0 ? draftOf(related) : plain;
  const issue = (request.attempt > 1 ? await findEarlierIssue(ctx, forge, request.repo) : undefined) ?? (await forge.createIssue({ repo: request.repo, ...draft, labels: labelsFor(ctx, request.category) }));
  const link = await ctx.store.issueLinks.insert({
    roomId: ctx.room.id,
    repo: request.repo,
    issueNumber: issue.number,
    issueUrl: issue.url,
    title: issue.title,
    commandMessageId: ctx.message.id,
    firstMessageId: request.messages[0]?.id ?? null,
    lastMessageId: request.messages[request.messages.length - 1]?.id ?? null,
    messageCount: request.messages.length,
  });
  return { link, related };
}

/** An earlier attempt may have created the issue and crashed before storing the link: its body's last line says so. */
async function findEarlierIssue(ctx: ChatContext, forge: Forge, repo: string): Promise<ForgeIssue | undefined> {
  const since = new Date(ctx.message.ts.getTime() - 10 * 60_000);
  const key = commandKey(ctx, 'chat');
  return findEarlier(forge, async () => (await forge.recentIssuesByMe(repo, since)).find((issue) => findMarker(issue.body) === key));
}

async function possibleDuplicates(ctx: ChatContext, forge: Forge, repo: string, title: string): Promise<RelatedIssue[]> {
  const terms = searchTerms(title);
  if (!ctx.services.issues.searchDuplicates || terms.length === 0) return [];
  try {
    return (await forge.searchIssues(repo, terms, 3)).map(({ number, title: text, url }) => ({ number, title: text, url }));
  } catch (error) {
    ctx.log.warn({ err: error, repo }, 'duplicate search failed; filing anyway');
    return [];
  }
}

function labelsFor(ctx: ChatContext, category: IssueCategory | undefined): string[] {
  const { labels, categories } = ctx.services.issues;
  return [...new Set([...labels, ...(category ? categories[category] : [])])];
}

async function senderNames(ctx: ChatContext, messages: StoredMessage[]): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  for (const id of new Set(messages.map((m) => m.senderId))) {
    const member = await ctx.store.members.findById(id);
    names.set(id, member ? attributionName(member) : '?');
  }
  return names;
}
