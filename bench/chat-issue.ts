import { PassThrough, Writable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { createStdioAdapter } from '../src/chat/stdio/stdio-adapter.js';
import { createBot } from '../src/core/bot.js';
import { DEFAULT_ISSUE_SETTINGS } from '../src/core/default-services.js';
import { searchTerms } from '../src/core/issue/search-terms.js';
import { silentLogger } from '../src/core/logger.js';
import type { Forge } from '../src/forge/forge.js';
import { createGitHubForge } from '../src/forge/github/github-forge.js';
import { openStore } from '../src/store/open-store.js';
import { createGitHubServer, type GitHubServer, type RecordedRequest } from '../test/fakes/github/index.js';
import type { Benchmark, BenchReport } from './benchmark.js';
import { percentile } from './measure.js';
import { withTempDir } from './temp-dir.js';

const COMMANDS = Number(process.env.BENCH_COMMANDS ?? 1000);
const WARM_UP = 20;
const isCreate = (request: RecordedRequest) => request.method === 'POST' && request.path === '/repos/octo/hello/issues';
const question = (i: number) => `第 ${i} 个问题：安装失败，日志在这里 npm ERR! code ${i}`;
/** Quotas off: 1000 commands from one member would otherwise be refused after the first 5. */
const NO_QUOTA = { perMember: { count: 0, minutes: 1 }, perRoom: { count: 0, minutes: 1 } };

/** Resolves with the arrival time of the next create-issue request. */
function nextCreate(waiters: ((at: number) => void)[]): Promise<number> {
  return new Promise((resolve) => waiters.push(resolve));
}

async function localGitHub() {
  const waiters: ((at: number) => void)[] = [];
  const github = await createGitHubServer({ repos: ['octo/hello'], onRequest: (r) => isCreate(r) && waiters.shift()?.(performance.now()) });
  const forge = createGitHubForge({ apiUrl: github.url, token: 'test-token', log: silentLogger, throttle: false });
  return { github, forge, arrived: () => nextCreate(waiters) };
}

async function measureBot(dir: string, searchDuplicates: boolean): Promise<number[]> {
  const { github, forge, arrived: nextArrival } = await localGitHub();
  const store = await openStore(`${dir}/bench.db`);
  const input = new PassThrough();
  const replies: (() => void)[] = [];
  const output = new Writable({ write: (_chunk, _encoding, done) => (replies.shift()?.(), done()) });
  const adapter = createStdioAdapter({ input, output, errors: process.stderr, platform: 'bench', log: silentLogger });
  const bot = createBot({
    store, platform: 'bench', send: (m) => adapter.say(m), log: silentLogger,
    services: { forge, issues: { ...DEFAULT_ISSUE_SETTINGS, searchDuplicates, quota: NO_QUOTA }, roomSettings: () => ({ repo: 'octo/hello' }), botNames: ['OSSChat'], version: 'bench' },
  });
  bot.start();
  await adapter.start(async (event) => void (await bot.handle(event)));
  const latencies: number[] = [];
  const line = (id: string, text: string) => `${JSON.stringify({ type: 'message', id, room: { id: 'r1', topic: 'bench' }, from: { id: 'u1', name: '张三' }, text })}\n`;
  for (let i = 0; i < COMMANDS + WARM_UP; i++) {
    input.write(line(`q${i}`, question(i)));
    const arrived = nextArrival();
    const replied = new Promise<void>((resolve) => replies.push(resolve));
    const start = performance.now();
    input.write(line(`c${i}`, '以上一条开工单'));
    const at = await arrived;
    if (i >= WARM_UP) latencies.push(at - start);
    await replied; // one command at a time: each is measured on its own, not queued behind the last
  }
  input.end();
  await adapter.finished();
  await bot.drain(1000);
  await bot.stop();
  await store.close();
  await github.close();
  checkCalls(github, searchDuplicates);
  return latencies;
}

/** The variant did what its name says: one issue per command, and one answered search per command when searching. */
function checkCalls(github: GitHubServer, searchDuplicates: boolean): void {
  const issues = github.state.issues('octo/hello').length;
  const searches = github.requests.filter((r) => r.path === '/search/issues' && r.status === 200).length;
  const expected = COMMANDS + WARM_UP;
  if (issues !== expected) throw new Error(`expected ${expected} issues, the local GitHub has ${issues}`);
  if (searches !== (searchDuplicates ? expected : 0)) throw new Error(`expected ${searchDuplicates ? expected : 0} duplicate searches, the local GitHub answered ${searches}`);
}

/** The same GitHub calls sent straight from Octokit, nothing of ours in between; `search` adds the duplicate search first. */
async function measureOctokit(search: boolean): Promise<number[]> {
  const { github, forge, arrived: nextArrival } = await localGitHub();
  const latencies: number[] = [];
  for (let i = 0; i < COMMANDS + WARM_UP; i++) {
    const arrived = nextArrival();
    const start = performance.now();
    const created = searchThenCreate(forge, i, search);
    const at = await arrived;
    await created;
    if (i >= WARM_UP) latencies.push(at - start);
  }
  await github.close();
  return latencies;
}

async function searchThenCreate(forge: Forge, i: number, search: boolean): Promise<void> {
  if (search) await forge.searchIssues('octo/hello', searchTerms(question(i)), 3);
  await forge.createIssue({ repo: 'octo/hello', title: question(i), body: '安装失败', labels: [] });
}

export const chatIssue: Benchmark = {
  name: 'chat → issue latency',
  async run(): Promise<BenchReport> {
    const baseline = await measureOctokit(false);
    const octokitWithSearch = await measureOctokit(true);
    const defaults = await withTempDir((dir) => measureBot(dir, true));
    const withoutSearch = await withTempDir((dir) => measureBot(dir, false));
    const row = (name: string, values: number[]) => [name, String(values.length), percentile(values, 50).toFixed(2), percentile(values, 99).toFixed(2), (percentile(values, 50) / percentile(baseline, 50)).toFixed(2)];
    const p99 = percentile(defaults, 99);
    return {
      setup: `${COMMANDS} commands (after ${WARM_UP} warm-up) through stdio adapter → ingest (SQLite file) → outbox → GitHub forge → local GitHub (zero latency, OpenAPI-validated, searching its issues in memory); time from the command line entering the adapter to the create-issue request reaching the server. Default settings: the duplicate search (issues.searchDuplicates, one GitHub search call) runs inside the timed window; issue quotas (issues.quota) are set to 0, because from one member they would refuse all but 5 of the commands. Baseline: the create-issue request straight from Octokit; every ratio is to it.`,
      table: [
        ['variant', 'commands', 'p50 ms', 'p99 ms', 'p50 ratio to baseline'],
        row('baseline: Octokit createIssue', baseline),
        row('reference: Octokit searchIssues + createIssue', octokitWithSearch),
        row('以上一条开工单 end to end, defaults (duplicate search on)', defaults),
        row('以上一条开工单 end to end, issues.searchDuplicates: false', withoutSearch),
      ],
      targets: [{ description: `p99 < 20 ms with the defaults (measured ${p99.toFixed(2)} ms)`, met: p99 < 20 }],
    };
  },
};
