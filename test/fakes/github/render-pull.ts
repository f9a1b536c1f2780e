import type { PullRecord } from './event-log.js';
import { nodeId, renderLabel } from './render-issue.js';
import { renderSimpleUser, type Urls } from './render-user.js';
import type { GitHubState } from './state.js';

function branch(urls: Urls, state: GitHubState, pull: PullRecord, ref: string): Record<string, unknown> {
  const { id, fullName } = state.repoInfo(pull.repo);
  return { ref, sha: `${String(pull.id).padStart(8, '0')}${ref.length}`.padEnd(40, '0'), repo: { id, url: `${urls.api}/repos/${fullName}`, name: fullName.split('/')[1] } };
}

/** GitHub's `pull-request-minimal`: all the events API says of a pull request. */
export function renderPullMinimal(urls: Urls, state: GitHubState, pull: PullRecord): Record<string, unknown> {
  return { id: pull.id, number: pull.number, url: `${urls.api}/repos/${pull.repo}/pulls/${pull.number}`, head: branch(urls, state, pull, pull.head), base: branch(urls, state, pull, pull.base) };
}

/** GitHub's `pull-request`, as `GET /repos/{owner}/{repo}/pulls/{pull_number}` answers. */
export function renderPull(urls: Urls, state: GitHubState, pull: PullRecord): Record<string, unknown> {
  const api = `${urls.api}/repos/${pull.repo}`;
  const url = `${api}/pulls/${pull.number}`;
  const html = `${urls.html}/${pull.repo}/pull/${pull.number}`;
  return {
    ...renderPullMinimal(urls, state, pull),
    node_id: nodeId('PR_kwDO', pull.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${pull.number}`,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${pull.number}/comments`,
    statuses_url: `${api}/statuses/${pull.head}`,
    state: pull.state,
    locked: false,
    title: pull.title,
    user: renderSimpleUser(urls, pull.user),
    body: pull.body,
    labels: pull.labels.map((name) => renderLabel(urls, state, pull.repo, name)),
    milestone: null,
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    closed_at: pull.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: null,
    assignee: null,
    draft: false,
    _links: { self: { href: url }, html: { href: html }, issue: { href: `${api}/issues/${pull.number}` }, comments: { href: `${api}/issues/${pull.number}/comments` }, review_comments: { href: `${url}/comments` }, review_comment: { href: `${api}/pulls/comments{/number}` }, commits: { href: `${url}/commits` }, statuses: { href: `${api}/statuses/${pull.head}` } },
    author_association: 'NONE',
    auto_merge: null,
    merged: pull.merged,
    mergeable: null,
    mergeable_state: 'unknown',
    merged_by: pull.merged ? renderSimpleUser(urls, pull.user) : null,
    maintainer_can_modify: false,
    comments: 0,
    review_comments: 0,
    commits: 1,
    additions: 1,
    deletions: 0,
    changed_files: 1,
  };
}
