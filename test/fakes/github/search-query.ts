import type { IssueRecord } from './state.js';

export interface SearchQuery {
  terms: string[];
  repos: string[];
  /** 'issue' or 'pr', from `is:`/`type:`; GitHub now requires one of them. */
  type?: 'issue' | 'pr';
  state?: 'open' | 'closed';
  fields: ('title' | 'body')[];
  labels: string[];
  author?: string;
}

const QUALIFIERS = new Set(['repo', 'is', 'state', 'in', 'label', 'author', 'type']);
const TOKEN = /(-?)([a-z]+):("[^"]*"|\S+)|"([^"]*)"|(\S+)/gi;

/** Reads the parts of GitHub's search syntax the fake understands; other qualifiers are ignored. */
export function parseSearchQuery(q: string): SearchQuery {
  const query: SearchQuery = { terms: [], repos: [], fields: [], labels: [] };
  for (const m of q.matchAll(TOKEN)) {
    const [, negated, key, rawValue, phrase, word] = m;
    if (key && rawValue && QUALIFIERS.has(key.toLowerCase())) {
      if (!negated) applyQualifier(query, key.toLowerCase(), rawValue.replace(/^"|"$/g, ''));
    } else {
      const term = phrase ?? word ?? m[0];
      if (term && !term.startsWith('-') && !/^(AND|OR|NOT)$/.test(term)) query.terms.push(term);
    }
  }
  if (query.fields.length === 0) query.fields = ['title', 'body'];
  return query;
}

function applyQualifier(query: SearchQuery, key: string, value: string): void {
  const lower = value.toLowerCase();
  if (key === 'repo') query.repos.push(lower);
  else if (key === 'label') query.labels.push(lower);
  else if (key === 'author') query.author = lower;
  else if (key === 'in') query.fields.push(...lower.split(',').filter((f): f is 'title' | 'body' => f === 'title' || f === 'body'));
  else if (lower === 'open' || lower === 'closed') query.state = lower;
  else if (lower === 'issue') query.type = 'issue';
  else if (lower === 'pr' || lower === 'pull-request') query.type = 'pr';
}

/** How many terms an issue matches (case-insensitive substrings), or -1 if a qualifier excludes it. */
export function scoreIssue(query: SearchQuery, issue: IssueRecord): number {
  if (query.type === 'pr') return -1;
  if (query.repos.length > 0 && !query.repos.includes(issue.repo.toLowerCase())) return -1;
  if (query.state && issue.state !== query.state) return -1;
  if (query.author && issue.user.toLowerCase() !== query.author) return -1;
  if (!query.labels.every((l) => issue.labels.some((name) => name.toLowerCase() === l))) return -1;
  const text = query.fields.map((f) => (f === 'title' ? issue.title : (issue.body ?? ''))).join('\n').toLowerCase();
  const matched = query.terms.filter((t) => text.includes(t.toLowerCase())).length;
  return query.terms.length > 0 && matched === 0 ? -1 : matched;
}
