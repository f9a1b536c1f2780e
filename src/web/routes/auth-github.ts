import type { GitHubOAuth } from './dashboard-deps.js';

export interface GitHubAccount {
  login: string;
  type: string;
}

/** Trades the authorization code for a user token (`POST /login/oauth/access_token`); undefined when GitHub refuses it. */
export async function exchangeCode(github: GitHubOAuth, code: string, redirectUri: string, fetcher: typeof fetch = fetch): Promise<string | undefined> {
  const response = await fetcher(`${github.webUrl}/login/oauth/access_token`, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: github.clientId, client_secret: github.clientSecret, code, redirect_uri: redirectUri }),
  });
  if (!response.ok) return undefined;
  const body = (await response.json()) as { access_token?: string; error?: string };
  return body.access_token;
}

/** `GET /user` with the user's token. */
export async function fetchAccount(github: GitHubOAuth, token: string, fetcher: typeof fetch = fetch): Promise<GitHubAccount | undefined> {
  const response = await fetcher(`${github.apiUrl.replace(/\/$/, '')}/user`, {
    headers: { accept: 'application/vnd.github+json', authorization: `Bearer ${token}`, 'x-github-api-version': '2022-11-28', 'user-agent': 'osschat-dashboard' },
  });
  if (!response.ok) return undefined;
  const user = (await response.json()) as Partial<GitHubAccount>;
  return typeof user.login === 'string' ? { login: user.login, type: user.type ?? 'User' } : undefined;
}

export function authorizeUrl(github: GitHubOAuth, redirectUri: string, state: string): string {
  const query = new URLSearchParams({ client_id: github.clientId, redirect_uri: redirectUri, state, scope: 'read:user', allow_signup: 'false' });
  return `${github.webUrl}/login/oauth/authorize?${query}`;
}

/** What the signed-in user may do on a repository, as GitHub says with their token. */
export type RepoAccess = { visible: true; private: boolean; canWrite: boolean } | { visible: false } | { unreachable: true } | { tokenRefused: true };

/** `GET /repos/{owner}/{repo}` with the user's token: `permissions` says push, maintain or admin. */
export async function fetchRepoAccess(github: GitHubOAuth, token: string, repo: string, fetcher: typeof fetch = fetch): Promise<RepoAccess> {
  let response: Response;
  try {
    response = await fetcher(`${github.apiUrl.replace(/\/$/, '')}/repos/${repo}`, {
      headers: { accept: 'application/vnd.github+json', authorization: `Bearer ${token}`, 'x-github-api-version': '2022-11-28', 'user-agent': 'osschat-dashboard' },
    });
  } catch {
    return { unreachable: true };
  }
  if (response.status === 401) return { tokenRefused: true };
  const rateLimited = response.status === 403 && response.headers.get('x-ratelimit-remaining') === '0';
  // 404, and 403 for a repository the token may not see: no proof.
  if (response.status === 404 || (response.status === 403 && !rateLimited)) return { visible: false };
  if (!response.ok) return { unreachable: true };
  const body = (await response.json()) as { private?: boolean; permissions?: { admin?: boolean; maintain?: boolean; push?: boolean } };
  const can = body.permissions ?? {};
  return { visible: true, private: body.private !== false, canWrite: can.admin === true || can.maintain === true || can.push === true };
}
