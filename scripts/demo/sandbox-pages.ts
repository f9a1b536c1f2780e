import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GitHubState, IssueRecord } from '../../test/fakes/github/index.js';
import { escapeHtml } from '../../src/web/views/escape-html.js';

/**
 * The sandbox's "github.com": the page behind each `html_url` the sandbox API returns, so the
 * link the bot says in chat opens something real. HTML by default, JSON with `Accept: application/json`.
 */
export interface SandboxPages {
  url: string;
  /** Where issues are read from: set once the sandbox API exists (it needs this server's URL first). */
  show(state: GitHubState): void;
  close(): Promise<void>;
}

export async function startSandboxPages(): Promise<SandboxPages> {
  let state: GitHubState | undefined;
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://sandbox').pathname;
    const wantsJson = (req.headers.accept ?? '').includes('application/json');
    route(state, decodeURIComponent(path), wantsJson, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    show: (shown) => void (state = shown),
    close: () => new Promise((resolve) => server.close(() => resolve()).closeAllConnections()),
  };
}

function route(state: GitHubState | undefined, path: string, wantsJson: boolean, res: ServerResponse): void {
  const issuePath = path.match(/^\/([^/]+\/[^/]+)\/issues\/(\d+)\/?$/);
  if (state && issuePath && state.hasRepo(issuePath[1]!)) {
    const issue = state.issue(issuePath[1]!, Number(issuePath[2]));
    if (issue) return void (wantsJson ? json(res, { ...issue, comments: state.comments(issue.repo, issue.number) }) : page(res, 200, issue.title, issueHtml(state, issue)));
  }
  if (state && (path === '/' || /^\/[^/]+\/[^/]+\/issues\/?$/.test(path))) {
    const issues = state.repoNames().flatMap((repo) => state.issues(repo));
    return void (wantsJson ? json(res, issues) : page(res, 200, 'Sandbox issues', listHtml(issues)));
  }
  page(res, 404, 'Not found', '<p>No such issue in the sandbox. <a href="/">All issues</a></p>');
}

function issueHtml(state: GitHubState, issue: IssueRecord): string {
  const comments = state.comments(issue.repo, issue.number).map((c) => `<section><h3>${escapeHtml(c.user)} · ${c.createdAt}</h3><pre>${escapeHtml(c.body)}</pre></section>`);
  return [
    `<p><a href="/">All issues</a> · ${escapeHtml(issue.repo)} #${issue.number} · <b>${issue.state}</b> · ${escapeHtml(issue.labels.join(', '))}</p>`,
    `<h1>${escapeHtml(issue.title)}</h1>`,
    `<pre>${escapeHtml(issue.body ?? '')}</pre>`,
    ...comments,
  ].join('\n');
}

function listHtml(issues: IssueRecord[]): string {
  const rows = issues.map((i) => `<li><a href="/${escapeHtml(i.repo)}/issues/${i.number}">${escapeHtml(i.repo)} #${i.number}</a> ${escapeHtml(i.title)} (${i.state})</li>`);
  return `<h1>Sandbox issues</h1>\n<ul>${rows.join('\n') || '<li>none yet: say 以上两条开工单 in the demo chat</li>'}</ul>`;
}

function page(res: ServerResponse, status: number, title: string, body: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)} · OSSChat sandbox</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem}pre{white-space:pre-wrap;background:#f6f8fa;padding:1rem;border-radius:6px}</style></head>
<body><p><small>OSSChat sandbox: a local stand-in for GitHub; nothing here left this machine.</small></p>
${body}</body></html>`);
}

function json(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
