export interface Urls {
  /** The fake's own base URL, used for API links (`url`, `repository_url`). */
  api: string;
  /** Where web links point (`html_url`); GitHub's own host by default. */
  html: string;
}

/** A stable numeric id for a login, so the same user keeps one id across requests. */
export function userId(login: string): number {
  let hash = 2166136261;
  for (const ch of login) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  return (hash % 9_000_000) + 1_000_000;
}

/** GitHub's `simple-user`. Logins ending in `[bot]` are apps acting for an installation. */
export function renderSimpleUser(urls: Urls, login: string): Record<string, unknown> {
  const id = userId(login);
  const api = `${urls.api}/users/${encodeURIComponent(login)}`;
  return {
    login,
    id,
    node_id: Buffer.from(`04:User${id}`).toString('base64'),
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: login.endsWith('[bot]') ? `${urls.html}/apps/${login.slice(0, -5)}` : `${urls.html}/${login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: login.endsWith('[bot]') ? 'Bot' : 'User',
    user_view_type: 'public',
    site_admin: false,
  };
}

/** GitHub's `private-user`, what `GET /user` answers to the token's owner. */
export function renderPrivateUser(urls: Urls, login: string): Record<string, unknown> {
  return {
    ...renderSimpleUser(urls, login),
    name: login,
    company: null,
    blog: '',
    location: null,
    email: null,
    hireable: null,
    bio: null,
    twitter_username: null,
    public_repos: 1,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: '2020-01-01T00:00:00Z',
    updated_at: '2020-01-01T00:00:00Z',
    private_gists: 0,
    total_private_repos: 0,
    owned_private_repos: 0,
    disk_usage: 0,
    collaborators: 0,
    two_factor_authentication: true,
  };
}
