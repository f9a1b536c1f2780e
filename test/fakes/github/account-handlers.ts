import type { AppOptions, InstallationOptions } from './authenticator.js';
import { isoSeconds } from './state.js';
import { renderPrivateUser, renderSimpleUser, type Urls } from './render-user.js';
import { renderRepo } from './render-repo.js';
import { repoRoute } from './repo-access.js';
import { githubError, notFound, type Handler, type HandlerContext, type Reply } from './reply.js';

const PERMISSIONS = { issues: 'write', metadata: 'read' };
const CREATED = '2024-01-01T00:00:00Z';

function appOf(ctx: HandlerContext): AppOptions | undefined {
  return ctx.caller.kind === 'app' ? ctx.auth.app : undefined;
}

/** Endpoints that only an app JWT may call; GitHub answers others with this 401. */
function appRoute(handler: (ctx: HandlerContext, app: AppOptions) => Reply): Handler {
  return (ctx) => {
    const app = appOf(ctx);
    return app ? handler(ctx, app) : githubError(401, 'A JSON web token could not be decoded');
  };
}

function renderApp(urls: Urls, app: AppOptions): Record<string, unknown> {
  const slug = app.slug ?? 'osschat';
  const owner = app.installations[0]?.repos[0]?.split('/')[0] ?? 'octo';
  return {
    id: app.id,
    slug,
    node_id: Buffer.from(`03:Integration${app.id}`).toString('base64'),
    client_id: app.clientId ?? `Iv1.${app.id}`,
    owner: renderSimpleUser(urls, owner),
    name: slug,
    description: null,
    external_url: 'https://example.com',
    html_url: `${urls.html}/apps/${slug}`,
    created_at: CREATED,
    updated_at: CREATED,
    permissions: PERMISSIONS,
    events: ['issues', 'issue_comment'],
  };
}

function renderInstallation(urls: Urls, app: AppOptions, installation: InstallationOptions): Record<string, unknown> {
  const account = installation.repos[0]?.split('/')[0] ?? 'octo';
  const user = renderSimpleUser(urls, account);
  return {
    id: installation.id,
    account: user,
    repository_selection: 'selected',
    access_tokens_url: `${urls.api}/app/installations/${installation.id}/access_tokens`,
    repositories_url: `${urls.api}/installation/repositories`,
    html_url: `${urls.html}/settings/installations/${installation.id}`,
    app_id: app.id,
    app_slug: app.slug ?? 'osschat',
    client_id: app.clientId ?? `Iv1.${app.id}`,
    target_id: user.id,
    target_type: 'User',
    permissions: PERMISSIONS,
    events: ['issues', 'issue_comment'],
    created_at: CREATED,
    updated_at: CREATED,
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: null,
    suspended_at: null,
  };
}

const getApp = appRoute((ctx, app) => ({ status: 200, body: renderApp(ctx.urls, app) }));

const getRepoInstallation: Handler = (ctx) => {
  const app = appOf(ctx);
  if (!app) return githubError(401, 'A JSON web token could not be decoded');
  const repo = `${ctx.params.owner}/${ctx.params.repo}`.toLowerCase();
  const installation = app.installations.find((i) => i.repos.some((r) => r.toLowerCase() === repo));
  return installation ? { status: 200, body: renderInstallation(ctx.urls, app, installation) } : notFound();
};

const createAccessToken = appRoute((ctx, app) => {
  const installation = ctx.auth.installation(Number(ctx.params.installation_id));
  if (!installation) return notFound();
  const names = Array.isArray(ctx.body.repositories) ? ctx.body.repositories.map(String) : undefined;
  const { token, expiresAt } = ctx.auth.issueInstallationToken(installation, names);
  return {
    status: 201,
    body: { token, expires_at: isoSeconds(expiresAt), permissions: PERMISSIONS, repository_selection: 'selected' },
  };
});

const getAuthenticatedUser: Handler = (ctx) => {
  if (ctx.caller.kind !== 'user') return githubError(403, 'Resource not accessible by integration');
  const scopes = ctx.caller.scopes && { 'x-oauth-scopes': ctx.caller.scopes.join(', ') };
  return { status: 200, body: renderPrivateUser(ctx.urls, ctx.caller.login), headers: scopes };
};

/** A user's token also learns its own `permissions` on the repository, as on GitHub. */
const getRepo = repoRoute(false, (ctx, repo) => {
  const body = renderRepo(ctx.urls, ctx.state, repo);
  return { status: 200, body: ctx.caller.kind === 'user' ? { ...body, permissions: ctx.state.access.permissionsOf(repo, ctx.caller.login) } : body };
});

/** App, user and repository endpoints, keyed by OpenAPI operationId. */
export const accountHandlers: Record<string, Handler> = {
  'apps/get-authenticated': getApp,
  'apps/get-repo-installation': getRepoInstallation,
  'apps/create-installation-access-token': createAccessToken,
  'users/get-authenticated': getAuthenticatedUser,
  'repos/get': getRepo,
};
