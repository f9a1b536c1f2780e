import { createPublicKey, randomBytes, type KeyObject } from 'node:crypto';
import { looksLikeJwt, verifyAppJwt } from './app-jwt.js';

export interface TokenOptions {
  token: string;
  /** Who `GET /user` says owns the token; default `osschat-bot`. */
  login?: string;
  /** Repositories (`owner/name`) the token can see; others answer 404. Default: all. */
  repos?: string[];
  /** Writes answer 403 "Resource not accessible by personal access token". */
  readOnly?: boolean;
  /** A classic token's scopes, which `GET /user` names in `X-OAuth-Scopes`; fine-grained tokens (the default) have none. */
  scopes?: string[];
}

export interface InstallationOptions {
  id: number;
  repos: string[];
}

export interface AppOptions {
  id: number;
  /** Also accepted as the JWT `iss`, as GitHub does. */
  clientId?: string;
  slug?: string;
  publicKeyPem: string;
  installations: InstallationOptions[];
  /** Lifetime of installation tokens; GitHub's is one hour. */
  tokenTtlMs?: number;
}

export type Caller =
  | { kind: 'user'; login: string; repos?: string[]; readOnly: boolean; scopes?: string[] }
  | { kind: 'installation'; login: string; installationId: number; repos: string[]; readOnly: false }
  | { kind: 'app'; appId: number };

export interface AuthFailure {
  status: 401;
  message: string;
}

interface IssuedToken {
  installationId: number;
  repos: string[];
  expiresAt: number;
}

const HOUR_MS = 3_600_000;

/** Turns an `authorization` header into a caller: personal tokens, app JWTs and installation tokens. */
export class Authenticator {
  private readonly tokens: Map<string, TokenOptions>;
  private readonly issued = new Map<string, IssuedToken>();
  private readonly appKey?: KeyObject;

  constructor(
    tokens: (string | TokenOptions)[],
    readonly app: AppOptions | undefined,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = new Map(tokens.map((t) => (typeof t === 'string' ? { token: t } : t)).map((t) => [t.token, t]));
    if (app) this.appKey = createPublicKey(app.publicKeyPem);
  }

  authenticate(header: string | undefined): Caller | AuthFailure {
    const found = /^(token|bearer)\s+(\S+)\s*$/i.exec(header ?? '');
    if (!found) return { status: 401, message: 'Requires authentication' };
    const value = found[2] ?? '';
    if (looksLikeJwt(value)) return this.appCaller(value);
    const personal = this.tokens.get(value);
    if (personal) return { kind: 'user', login: personal.login ?? 'osschat-bot', repos: personal.repos, readOnly: personal.readOnly === true, scopes: personal.scopes };
    const issued = this.issued.get(value);
    if (issued && issued.expiresAt > this.now()) {
      const login = `${this.app?.slug ?? 'osschat'}[bot]`;
      return { kind: 'installation', login, installationId: issued.installationId, repos: issued.repos, readOnly: false };
    }
    return { status: 401, message: 'Bad credentials' };
  }

  installation(id: number): InstallationOptions | undefined {
    return this.app?.installations.find((i) => i.id === id);
  }

  /** Mints an installation token (`ghs_…`), limited to `repoNames` when given. */
  issueInstallationToken(installation: InstallationOptions, repoNames?: string[]): { token: string; expiresAt: Date } {
    const wanted = repoNames?.map((n) => n.toLowerCase());
    const repos = installation.repos.filter((r) => !wanted || wanted.includes(r.split('/')[1]?.toLowerCase() ?? ''));
    const token = `ghs_${randomBytes(18).toString('hex')}`;
    const expiresAt = this.now() + (this.app?.tokenTtlMs ?? HOUR_MS);
    this.issued.set(token, { installationId: installation.id, repos, expiresAt });
    return { token, expiresAt: new Date(expiresAt) };
  }

  forgetIssuedTokens(): void {
    this.issued.clear();
  }

  /** Accepts one more personal token: a user token issued by the OAuth web flow. */
  addToken(options: TokenOptions): void {
    this.tokens.set(options.token, options);
  }

  private appCaller(jwt: string): Caller | AuthFailure {
    if (!this.app || !this.appKey) return { status: 401, message: 'A JSON web token could not be decoded' };
    const issuers = [String(this.app.id), ...(this.app.clientId ? [this.app.clientId] : [])];
    const check = verifyAppJwt(jwt, this.appKey, issuers, this.now());
    return check.ok ? { kind: 'app', appId: this.app.id } : { status: 401, message: check.message ?? 'Bad credentials' };
  }
}

export function isAuthFailure(value: Caller | AuthFailure): value is AuthFailure {
  return 'status' in value;
}

/** The login an action is attributed to. */
export function callerLogin(caller: Caller): string {
  return caller.kind === 'app' ? `app-${caller.appId}` : caller.login;
}
