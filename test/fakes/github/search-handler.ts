import type { Caller } from './authenticator.js';
import { paginate } from './paginate.js';
import { renderIssue } from './render-issue.js';
import { githubError, type Handler, type HandlerContext, type Reply } from './reply.js';
import { parseSearchQuery, scoreIssue, type SearchQuery } from './search-query.js';
import type { IssueRecord } from './state.js';

const MAX_QUERY = 256;
const MAX_OPERATORS = 5;

function searchInvalid(message: string, code = 'invalid'): Reply {
  const reply = githubError(422, 'Validation Failed', { errors: [{ message, resource: 'Search', field: 'q', code }] });
  return { ...reply, violation: [`search q: ${message}`] };
}

function canSee(caller: Caller, repo: string): boolean {
  return caller.kind !== 'app' && (caller.repos?.some((r) => r.toLowerCase() === repo.toLowerCase()) ?? true);
}

/** GitHub's own refusals of a search query (beyond what the OpenAPI schema states). */
function checkQuery(ctx: HandlerContext, q: string, query: SearchQuery): Reply | undefined {
  if (!q.trim()) return searchInvalid('q is missing', 'missing');
  if (q.length > MAX_QUERY) return searchInvalid(`The search is longer than ${MAX_QUERY} characters.`);
  if ((q.match(/(?<!\S)(?:AND|OR|NOT)(?!\S)/g)?.length ?? 0) > MAX_OPERATORS) return searchInvalid(`The search contains more than ${MAX_OPERATORS} AND / OR / NOT operators.`);
  if (!query.type) {
    const reply = searchInvalid("Query must include 'is:issue' or 'is:pull-request'");
    return { ...reply, body: { ...(reply.body as object), message: "Query must include 'is:issue' or 'is:pull-request'" } };
  }
  const hidden = query.repos.filter((r) => !ctx.state.hasRepo(r) || !canSee(ctx.caller, r));
  if (hidden.length > 0) {
    return searchInvalid(
      'The listed users and repositories cannot be searched either because the resources do not exist or you do not have permission to view them.',
    );
  }
  return undefined;
}

function rank(ctx: HandlerContext, scored: { issue: IssueRecord; score: number }[]): typeof scored {
  const sort = ctx.query.get('sort');
  const sign = ctx.query.get('order') === 'asc' ? 1 : -1;
  const key = (x: { issue: IssueRecord; score: number }): number =>
    sort === 'created' ? Date.parse(x.issue.createdAt)
    : sort === 'updated' ? Date.parse(x.issue.updatedAt)
    : sort === 'comments' ? ctx.state.comments(x.issue.repo, x.issue.number).length
    : x.score;
  const bySort = sort === 'created' || sort === 'updated' || sort === 'comments' ? sign : -1;
  return [...scored].sort((a, b) => bySort * (key(a) - key(b)) || Date.parse(b.issue.updatedAt) - Date.parse(a.issue.updatedAt));
}

/** `issue-search-result-item` documents `body` as a string, never null: leave it out instead. */
function searchItem(issue: Record<string, unknown>, score: number): Record<string, unknown> {
  const { body, ...rest } = issue;
  return { ...rest, ...(body === null ? {} : { body }), score: Math.max(score, 1) };
}

const searchIssues: Handler = (ctx) => {
  const q = ctx.query.get('q') ?? '';
  const query = parseSearchQuery(q);
  const invalid = checkQuery(ctx, q, query);
  if (invalid) return invalid;
  const visible = ctx.state.allIssues().filter((i) => canSee(ctx.caller, i.repo));
  const scored = visible.map((issue) => ({ issue, score: scoreIssue(query, issue) })).filter((x) => x.score >= 0);
  const page = paginate(rank(ctx, scored), ctx.requestUrl);
  const items = page.items.map(({ issue, score }) => searchItem(renderIssue(ctx.urls, ctx.state, issue), score));
  return { status: 200, body: { total_count: scored.length, incomplete_results: false, items, search_type: 'lexical' }, headers: page.headers };
};

export const searchHandlers: Record<string, Handler> = {
  'search/issues-and-pull-requests': searchIssues,
};
