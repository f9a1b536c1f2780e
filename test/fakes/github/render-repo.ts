import { renderSimpleUser, type Urls } from './render-user.js';
import type { GitHubState } from './state.js';

const URL_TEMPLATES: Record<string, string> = {
  archive_url: '/{archive_format}{/ref}',
  assignees_url: '/assignees{/user}',
  blobs_url: '/git/blobs{/sha}',
  branches_url: '/branches{/branch}',
  collaborators_url: '/collaborators{/collaborator}',
  comments_url: '/comments{/number}',
  commits_url: '/commits{/sha}',
  compare_url: '/compare/{base}...{head}',
  contents_url: '/contents/{+path}',
  contributors_url: '/contributors',
  deployments_url: '/deployments',
  downloads_url: '/downloads',
  events_url: '/events',
  forks_url: '/forks',
  git_commits_url: '/git/commits{/sha}',
  git_refs_url: '/git/refs{/sha}',
  git_tags_url: '/git/tags{/sha}',
  hooks_url: '/hooks',
  issue_comment_url: '/issues/comments{/number}',
  issue_events_url: '/issues/events{/number}',
  issues_url: '/issues{/number}',
  keys_url: '/keys{/key_id}',
  labels_url: '/labels{/name}',
  languages_url: '/languages',
  merges_url: '/merges',
  milestones_url: '/milestones{/number}',
  notifications_url: '/notifications{?since,all,participating}',
  pulls_url: '/pulls{/number}',
  releases_url: '/releases{/id}',
  stargazers_url: '/stargazers',
  statuses_url: '/statuses/{sha}',
  subscribers_url: '/subscribers',
  subscription_url: '/subscription',
  tags_url: '/tags',
  teams_url: '/teams',
  trees_url: '/git/trees{/sha}',
};

/** GitHub's `full-repository` for a repository with issues enabled. */
export function renderRepo(urls: Urls, state: GitHubState, repo: string): Record<string, unknown> {
  const { id, fullName } = state.repoInfo(repo);
  const [owner = '', name = ''] = fullName.split('/');
  const url = `${urls.api}/repos/${fullName}`;
  const openIssues = state.issues(fullName).filter((i) => i.state === 'open').length;
  const host = new URL(urls.html).host;
  return {
    id,
    node_id: Buffer.from(`010:Repository${id}`).toString('base64'),
    name,
    full_name: fullName,
    owner: renderSimpleUser(urls, owner),
    private: state.access.isPrivate(fullName),
    visibility: state.access.isPrivate(fullName) ? 'private' : 'public',
    html_url: `${urls.html}/${fullName}`,
    description: null,
    fork: false,
    url,
    ...Object.fromEntries(Object.entries(URL_TEMPLATES).map(([key, suffix]) => [key, url + suffix])),
    git_url: `git://${host}/${fullName}.git`,
    ssh_url: `git@${host}:${fullName}.git`,
    clone_url: `${urls.html}/${fullName}.git`,
    svn_url: `${urls.html}/${fullName}`,
    mirror_url: null,
    homepage: null,
    language: 'TypeScript',
    ...counters(openIssues),
    ...SETTINGS,
  };
}

const SETTINGS = {
  default_branch: 'main',
  has_issues: true,
  has_projects: true,
  has_wiki: true,
  has_pages: false,
  has_downloads: true,
  has_discussions: false,
  archived: false,
  disabled: false,
  license: null,
  topics: [],
  pushed_at: '2024-01-01T00:00:00Z',
  created_at: '2020-01-01T00:00:00Z',
  updated_at: '2024-01-01T00:00:00Z',
};

function counters(openIssues: number): Record<string, number> {
  return {
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers: 0,
    watchers_count: 0,
    size: 1,
    open_issues: openIssues,
    open_issues_count: openIssues,
    network_count: 0,
    subscribers_count: 0,
  };
}
