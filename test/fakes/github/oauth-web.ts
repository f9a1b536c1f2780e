import { randomBytes } from 'node:crypto';
import type { TokenOptions } from './authenticator.js';

/** An OAuth app registered on the fake github.com. */
export interface OAuthAppOptions {
  clientId: string;
  clientSecret: string;
  /** The login the authorize page proposes (it can be changed in the form); default `octocat`. */
  login?: string;
}

export interface WebReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

interface Grant {
  login: string;
  clientId: string;
  redirectUri: string;
  expiresAt: number;
}

const CODE_TTL_MS = 10 * 60_000;

const escape = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * GitHub's OAuth web flow, which lives on github.com rather than the API: `GET /login/oauth/authorize` (a consent
 * page), its form posting back a code to `redirect_uri`, and `POST /login/oauth/access_token`. The token it issues
 * is then accepted by the API as the signed-in user's (`GET /user`).
 */
export class OAuthWeb {
  private readonly grants = new Map<string, Grant>();

  constructor(
    private readonly apps: OAuthAppOptions[],
    private readonly addToken: (token: TokenOptions) => void,
    private readonly now: () => number = Date.now,
  ) {}

  handle(method: string, url: URL, rawBody: string, contentType: string): WebReply {
    if (url.pathname === '/login/oauth/authorize' && method === 'GET') return this.consentPage(url.searchParams);
    if (url.pathname === '/login/oauth/authorize' && method === 'POST') return this.approve(new URLSearchParams(rawBody));
    if (url.pathname === '/login/oauth/access_token' && method === 'POST') return this.exchange(readParams(rawBody, contentType));
    return page(404, 'Not Found');
  }

  private app(clientId: string | null): OAuthAppOptions | undefined {
    return this.apps.find((app) => app.clientId === clientId);
  }

  private consentPage(query: URLSearchParams): WebReply {
    const app = this.app(query.get('client_id'));
    const redirectUri = query.get('redirect_uri');
    if (!app || !redirectUri) return page(404, 'Not Found: unknown client_id or missing redirect_uri');
    const hidden = ['client_id', 'redirect_uri', 'state'].map((name) => `<input type="hidden" name="${name}" value="${escape(query.get(name) ?? '')}">`).join('');
    return page(200, `<h1>Authorize ${escape(app.clientId)}</h1><form method="post" action="/login/oauth/authorize">${hidden}
<label>Username <input name="login" value="${escape(app.login ?? 'octocat')}"></label> <button id="js-oauth-authorize-btn">Authorize</button></form>`);
  }

  private approve(form: URLSearchParams): WebReply {
    const app = this.app(form.get('client_id'));
    const redirectUri = form.get('redirect_uri');
    const login = form.get('login')?.trim();
    if (!app || !redirectUri || !login) return page(422, 'Unprocessable');
    const code = randomBytes(10).toString('hex');
    this.grants.set(code, { login, clientId: app.clientId, redirectUri, expiresAt: this.now() + CODE_TTL_MS });
    const target = new URL(redirectUri);
    target.searchParams.set('code', code);
    if (form.get('state')) target.searchParams.set('state', form.get('state') ?? '');
    return { status: 302, headers: { location: target.href }, body: '' };
  }

  private exchange(params: Record<string, string>): WebReply {
    const app = this.app(params.client_id ?? null);
    if (!app || app.clientSecret !== params.client_secret) return oauthError('incorrect_client_credentials', 'The client_id and/or client_secret passed are incorrect.');
    const grant = this.grants.get(params.code ?? '');
    this.grants.delete(params.code ?? '');
    const valid = grant && grant.clientId === app.clientId && grant.expiresAt > this.now() && (!params.redirect_uri || params.redirect_uri === grant.redirectUri);
    if (!valid) return oauthError('bad_verification_code', 'The code passed is incorrect or expired.');
    const token = `gho_${randomBytes(18).toString('hex')}`;
    this.addToken({ token, login: grant.login });
    return json({ access_token: token, token_type: 'bearer', scope: 'read:user' });
  }
}

function readParams(rawBody: string, contentType: string): Record<string, string> {
  if (/json/.test(contentType)) return JSON.parse(rawBody || '{}') as Record<string, string>;
  return Object.fromEntries(new URLSearchParams(rawBody));
}

/** GitHub answers a refused exchange with 200 and an error object. */
function oauthError(error: string, description: string): WebReply {
  return json({ error, error_description: description, error_uri: 'https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors' });
}

function json(body: unknown): WebReply {
  return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) };
}

function page(status: number, content: string): WebReply {
  const body = `<!doctype html><html><head><meta charset="utf-8"><title>GitHub</title></head><body>${content}</body></html>`;
  return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body };
}
