import { renderSimpleUser, type Urls } from './render-user.js';
import type { CommentRecord, GitHubState, IssueRecord } from './state.js';

/** GitHub's `issue` as the REST API answers it. */
export function renderIssue(urls: Urls, state: GitHubState, issue: IssueRecord): Record<string, unknown> {
  const repoUrl = `${urls.api}/repos/${issue.repo}`;
  const url = `${repoUrl}/issues/${issue.number}`;
  const comments = state.comments(issue.repo, issue.number).length;
  return {
    url,
    repository_url: repoUrl,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: `${urls.html}/${issue.repo}/issues/${issue.number}`,
    id: issue.id,
    node_id: nodeId('I_kwDO', issue.id),
    number: issue.number,
    title: issue.title,
    user: renderSimpleUser(urls, issue.user),
    labels: issue.labels.map((name) => renderLabel(urls, state, issue.repo, name)),
    state: issue.state,
    locked: false,
    assignee: null,
    assignees: [],
    milestone: null,
    comments,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    author_association: 'NONE',
    active_lock_reason: null,
    body: issue.body,
    closed_by: null,
    reactions: reactions(url),
    timeline_url: `${url}/timeline`,
    performed_via_github_app: null,
    state_reason: issue.stateReason,
  };
}

export function renderLabel(urls: Urls, state: GitHubState, repo: string, name: string): Record<string, unknown> {
  const label = state.label(repo, name);
  const id = label?.id ?? 0;
  return {
    id,
    node_id: nodeId('LA_kwDO', id),
    url: `${urls.api}/repos/${repo}/labels/${encodeURIComponent(name)}`,
    name,
    color: label?.color ?? 'ededed',
    default: false,
    description: label?.description ?? null,
  };
}

/** GitHub's `issue-comment`. */
export function renderComment(urls: Urls, comment: CommentRecord): Record<string, unknown> {
  const issueUrl = `${urls.api}/repos/${comment.repo}/issues/${comment.issueNumber}`;
  const url = `${urls.api}/repos/${comment.repo}/issues/comments/${comment.id}`;
  return {
    url,
    html_url: `${urls.html}/${comment.repo}/issues/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: issueUrl,
    id: comment.id,
    node_id: nodeId('IC_kwDO', comment.id),
    user: renderSimpleUser(urls, comment.user),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: 'NONE',
    body: comment.body,
    reactions: reactions(url),
    performed_via_github_app: null,
  };
}

function reactions(url: string): Record<string, unknown> {
  const counts = { total_count: 0, '+1': 0, '-1': 0, laugh: 0, hooray: 0, confused: 0, heart: 0, rocket: 0, eyes: 0 };
  return { url: `${url}/reactions`, ...counts };
}

export function nodeId(prefix: string, id: number): string {
  return prefix + Buffer.from(String(id)).toString('base64url');
}
