/**
 * A fake api.github.com for tests. Every request is checked against GitHub's OpenAPI description;
 * what GitHub would refuse is answered as GitHub would and listed in `server.violations`.
 *
 *   const server = await createGitHubServer({ repos: ['octo/hello'] });
 *   const octokit = new Octokit({ baseUrl: server.url, auth: 'test-token' });
 *   server.faults.next({ status: 502 }, { rateLimit: 'secondary' });
 *   expect(server.violations).toEqual([]);
 *
 * Standalone: `npx tsx test/fakes/github/main.ts --help`.
 */
export { createGitHubServer } from './server.js';
export type { GitHubServer, GitHubServerOptions, RecordedRequest, Violation } from './server.js';
export type { OAuthAppOptions } from './oauth-web.js';
export type { AppOptions, InstallationOptions, TokenOptions } from './authenticator.js';
export type { RepoAccessOptions, RepoGrant, RepoRole } from './repo-permissions.js';
export type { FaultMatch, FaultQueue, FaultSpec } from './fault-queue.js';
export type { CommentRecord, GitHubState, IssueRecord, NewIssue } from './state.js';
export type { EventRecord, PullRecord, ReleaseRecord } from './event-log.js';
export { specLoadMs } from './openapi-spec.js';
