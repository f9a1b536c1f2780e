import type { EventRecord, ReleaseRecord } from './event-log.js';
import { nodeId, renderComment, renderIssue } from './render-issue.js';
import { renderPullMinimal } from './render-pull.js';
import { renderSimpleUser, userId, type Urls } from './render-user.js';
import type { GitHubState } from './state.js';

/** GitHub's `actor`, the lean user of the events API. */
function renderActor(urls: Urls, login: string): Record<string, unknown> {
  const id = userId(login);
  return { id, login, display_login: login, gravatar_id: '', url: `${urls.api}/users/${encodeURIComponent(login)}`, avatar_url: `https://avatars.githubusercontent.com/u/${id}?` };
}

function renderRelease(urls: Urls, release: ReleaseRecord): Record<string, unknown> {
  const url = `${urls.api}/repos/${release.repo}/releases/${release.id}`;
  const tag = encodeURIComponent(release.tagName);
  return {
    url, assets_url: `${url}/assets`, upload_url: `${url}/assets{?name,label}`, html_url: `${urls.html}/${release.repo}/releases/tag/${tag}`,
    id: release.id, node_id: nodeId('RE_kwDO', release.id), tag_name: release.tagName, target_commitish: 'main', name: release.name, body: release.body,
    draft: false, prerelease: false, created_at: release.createdAt, published_at: release.publishedAt, author: renderSimpleUser(urls, release.user), assets: [],
    tarball_url: `${urls.api}/repos/${release.repo}/tarball/${tag}`, zipball_url: `${urls.api}/repos/${release.repo}/zipball/${tag}`,
  };
}

function renderPayload(urls: Urls, state: GitHubState, event: EventRecord): Record<string, unknown> {
  switch (event.type) {
    case 'IssuesEvent':
      return { action: event.action, issue: renderIssue(urls, state, event.issue) };
    case 'IssueCommentEvent':
      return { action: event.action, issue: renderIssue(urls, state, event.issue), comment: renderComment(urls, event.comment) };
    case 'PullRequestEvent':
      return { action: event.action, number: event.pull.number, pull_request: renderPullMinimal(urls, state, event.pull) };
    case 'ReleaseEvent':
      return { action: event.action, release: renderRelease(urls, event.release) };
  }
}

/** GitHub's `event`, as the repository events API lists it. */
export function renderEvent(urls: Urls, state: GitHubState, event: EventRecord): Record<string, unknown> {
  const { id, fullName } = state.repoInfo(event.repo);
  return {
    id: event.id,
    type: event.type,
    actor: renderActor(urls, event.actor),
    repo: { id, name: fullName, url: `${urls.api}/repos/${fullName}` },
    payload: renderPayload(urls, state, event),
    public: true,
    created_at: event.createdAt,
  };
}
