import { callerLogin } from './authenticator.js';
import { paginate } from './paginate.js';
import { renderComment, renderIssue } from './render-issue.js';
import { repoRoute } from './repo-access.js';
import { notFound, validationFailed, type Handler, type HandlerContext, type Reply } from './reply.js';
import type { IssuePatch, IssueRecord } from './state.js';

const MAX_BODY = 65_536;
const MAX_TITLE = 256;

function labelNames(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.map((l: unknown) => (typeof l === 'object' && l ? String((l as { name?: unknown }).name ?? '') : String(l))).filter(Boolean);
}

/** GitHub's length limits, which the OpenAPI description does not state. */
function checkLengths(resource: string, title: unknown, body: unknown): Reply | undefined {
  if (typeof title === 'string' && title.length > MAX_TITLE) return tooLong(resource, 'title', MAX_TITLE);
  if (typeof body === 'string' && body.length > MAX_BODY) return tooLong(resource, 'body', MAX_BODY);
  return undefined;
}

function tooLong(resource: string, field: string, max: number): Reply {
  const reply = validationFailed(resource, field, 'custom');
  const message = `${field} is too long (maximum is ${max} characters)`;
  return { ...reply, body: { ...(reply.body as object), errors: [{ resource, field, code: 'custom', message }] } };
}

const issueNumber = (ctx: HandlerContext): number => Number(ctx.params.issue_number);

const createIssue = repoRoute(true, (ctx, repo) => {
  const title = String(ctx.body.title ?? '').trim();
  if (!title) return validationFailed('Issue', 'title', 'missing_field');
  const invalid = checkLengths('Issue', title, ctx.body.body);
  if (invalid) return invalid;
  const body = typeof ctx.body.body === 'string' ? ctx.body.body : null;
  const issue = ctx.state.addIssue(repo, { title, body, user: callerLogin(ctx.caller), labels: labelNames(ctx.body.labels) });
  return { status: 201, body: renderIssue(ctx.urls, ctx.state, issue), headers: { location: `${ctx.urls.api}/repos/${repo}/issues/${issue.number}` } };
});

function filterIssues(issues: IssueRecord[], query: URLSearchParams): IssueRecord[] {
  const state = query.get('state') ?? 'open';
  const creator = query.get('creator')?.toLowerCase();
  const labels = query.get('labels')?.split(',').map((l) => l.trim().toLowerCase()).filter(Boolean) ?? [];
  const since = query.get('since');
  return issues.filter(
    (i) =>
      (state === 'all' || i.state === state) &&
      (!creator || i.user.toLowerCase() === creator) &&
      labels.every((l) => i.labels.some((name) => name.toLowerCase() === l)) &&
      (!since || Date.parse(i.updatedAt) >= Date.parse(since)),
  );
}

function sortIssues(ctx: HandlerContext, issues: IssueRecord[], repo: string): IssueRecord[] {
  const sort = ctx.query.get('sort') ?? 'created';
  const sign = ctx.query.get('direction') === 'asc' ? 1 : -1;
  const key = (i: IssueRecord): number =>
    sort === 'comments' ? ctx.state.comments(repo, i.number).length : Date.parse(sort === 'updated' ? i.updatedAt : i.createdAt);
  return [...issues].sort((a, b) => sign * (key(a) - key(b) || a.number - b.number));
}

const listIssues = repoRoute(false, (ctx, repo) => {
  const issues = sortIssues(ctx, filterIssues(ctx.state.issues(repo), ctx.query), repo);
  const page = paginate(issues, ctx.requestUrl);
  return { status: 200, body: page.items.map((i) => renderIssue(ctx.urls, ctx.state, i)), headers: page.headers };
});

const getIssue = repoRoute(false, (ctx, repo) => {
  const issue = ctx.state.issue(repo, issueNumber(ctx));
  return issue ? { status: 200, body: renderIssue(ctx.urls, ctx.state, issue) } : notFound();
});

function issuePatch(body: Record<string, unknown>): IssuePatch {
  const patch: IssuePatch = {};
  if (body.title !== undefined && body.title !== null) patch.title = String(body.title);
  if (body.body !== undefined) patch.body = typeof body.body === 'string' ? body.body : null;
  if (body.state === 'open' || body.state === 'closed') patch.state = body.state;
  if (typeof body.state_reason === 'string') patch.stateReason = body.state_reason as IssuePatch['stateReason'];
  const labels = labelNames(body.labels);
  if (labels) patch.labels = labels;
  return patch;
}

const updateIssue = repoRoute(true, (ctx, repo) => {
  if (!ctx.state.issue(repo, issueNumber(ctx))) return notFound();
  if (ctx.body.title !== undefined && String(ctx.body.title ?? '').trim() === '') return validationFailed('Issue', 'title', 'missing_field');
  const invalid = checkLengths('Issue', ctx.body.title, ctx.body.body);
  if (invalid) return invalid;
  const issue = ctx.state.updateIssue(repo, issueNumber(ctx), issuePatch(ctx.body), callerLogin(ctx.caller));
  return issue ? { status: 200, body: renderIssue(ctx.urls, ctx.state, issue) } : notFound();
});

const createComment = repoRoute(true, (ctx, repo) => {
  if (!ctx.state.issue(repo, issueNumber(ctx))) return notFound();
  const body = String(ctx.body.body ?? '');
  if (!body.trim()) return validationFailed('IssueComment', 'body', 'missing_field');
  const invalid = checkLengths('IssueComment', undefined, body);
  if (invalid) return invalid;
  const comment = ctx.state.addComment(repo, issueNumber(ctx), body, callerLogin(ctx.caller));
  return { status: 201, body: renderComment(ctx.urls, comment), headers: { location: renderComment(ctx.urls, comment).url as string } };
});

const listComments = repoRoute(false, (ctx, repo) => {
  if (!ctx.state.issue(repo, issueNumber(ctx))) return notFound();
  const since = ctx.query.get('since');
  const comments = ctx.state.comments(repo, issueNumber(ctx)).filter((c) => !since || Date.parse(c.updatedAt) >= Date.parse(since));
  const page = paginate(comments, ctx.requestUrl);
  return { status: 200, body: page.items.map((c) => renderComment(ctx.urls, c)), headers: page.headers };
});

/** Issue endpoints, keyed by OpenAPI operationId. */
export const issueHandlers: Record<string, Handler> = {
  'issues/create': createIssue,
  'issues/list-for-repo': listIssues,
  'issues/get': getIssue,
  'issues/update': updateIssue,
  'issues/create-comment': createComment,
  'issues/list-comments': listComments,
};
