import type { Store } from '../../src/store/store.js';
import type { GitHubServer } from '../../test/fakes/github/index.js';
import type { Say } from './bot-process.js';
import type { Ledger } from './traffic.js';
import { REPO, SUBSCRIBED } from './world.js';

export interface Check {
  invariant: string;
  expected: string;
  actual: string;
  ok: boolean;
}

const check = (invariant: string, expected: number | string, actual: number | string, ok = expected === actual): Check => ({ invariant, expected: String(expected), actual: String(actual), ok });

function issueChecks(ledger: Ledger, github: GitHubServer): Check[] {
  const issues = github.state.issues(REPO);
  let right = 0;
  const problems: string[] = [];
  // Only the transcript's quoted lines: the "possibly related" list names other issues' titles.
  const quoted = (body: string | null) => [...(body ?? '').split('\n').filter((line) => line.startsWith('>')).join('\n').matchAll(/tok-[\w-]+/g)].map((m) => m[0]);
  for (const command of ledger.issueCommands) {
    const holding = issues.filter((issue) => quoted(issue.body).includes(command.tokens[0]!));
    const tokens = holding.length === 1 ? quoted(holding[0]!.body) : [];
    if (holding.length === 1 && tokens.length === command.tokens.length && command.tokens.every((t) => tokens.includes(t))) right++;
    else problems.push(`${command.id}: ${holding.length} issues, tokens ${tokens.join(' ')}`);
  }
  if (problems.length) console.error(`issue problems:\n  ${problems.slice(0, 10).join('\n  ')}`);
  return [
    check('issue commands → issues on GitHub', ledger.issueCommands.length, issues.length),
    check('  each with exactly its N messages', ledger.issueCommands.length, right),
  ];
}

function commentChecks(ledger: Ledger, github: GitHubServer): Check[] {
  const comments = github.state.comments(REPO);
  const once = ledger.commentCommands.filter((c) => comments.filter((comment) => comment.body.split(/\s+/).includes(c.token)).length === 1).length;
  return [check('comment commands → exactly one comment each', ledger.commentCommands.length, once)];
}

/** Events a notification stands for: a folded burst says how many. */
const eventsOf = (say: Say) => Number(/(\d+) 条新动态/.exec(say.text)?.[1] ?? 1);

function deliveryChecks(ledger: Ledger, says: Say[]): Check[] {
  return SUBSCRIBED.flatMap((room) => {
    const notes = says.filter((say) => say.room === room && say.text.startsWith(`[${REPO}]`));
    const events = notes.reduce((sum, say) => sum + eventsOf(say), 0);
    const repeated = ledger.accepted.filter((d) => notes.filter((say) => say.text.includes(`${d.token} `) || say.text.endsWith(d.token) || say.text.includes(`${d.token}\n`)).length > 1).length;
    return [
      check(`accepted deliveries → events said in ${room}`, ledger.accepted.length, events),
      check(`  deliveries said twice in ${room}`, 0, repeated),
    ];
  });
}

async function logChecks(ledger: Ledger, store: Store): Promise<Check[]> {
  const seen = new Map<string, number>();
  for (const room of new Set([...ledger.written.values()].map((w) => w.room))) {
    const stored = await store.rooms.findByName(room);
    if (!stored) continue;
    for await (const message of store.messages.streamRoom(stored.id)) if (!message.platformMsgId.startsWith('self-')) seen.set(message.platformMsgId, (seen.get(message.platformMsgId) ?? 0) + 1);
  }
  const once = [...ledger.written.keys()].filter((id) => seen.get(id) === 1).length;
  const unknown = [...seen.keys()].filter((id) => !ledger.written.has(id)).length;
  return [check('messages written → in the log exactly once', ledger.written.size, once), check('  messages in the log never written', 0, unknown)];
}

async function outboxChecks(store: Store): Promise<Check[]> {
  const counts = await store.outbox.counts();
  const failed = await store.outbox.list('failed');
  for (const job of failed) console.error(`failed job ${job.id} ${job.kind}: ${job.lastError}`);
  return [
    check('jobs left pending or running', 0, counts.pending + counts.running),
    check('failed jobs without a recorded reason', 0, failed.filter((job) => !job.lastError).length),
    check('  jobs done / failed', '-', `${counts.done} / ${counts.failed}`, true),
  ];
}

export async function checkInvariants(ledger: Ledger, github: GitHubServer, says: Say[], store: Store): Promise<Check[]> {
  return [...issueChecks(ledger, github), ...commentChecks(ledger, github), ...deliveryChecks(ledger, says), ...(await logChecks(ledger, store)), ...(await outboxChecks(store))];
}

export function table(rows: Check[]): string {
  const header = ['invariant', 'expected', 'actual', 'ok'];
  const cells = rows.map((r) => [r.invariant, r.expected, r.actual, r.ok ? 'yes' : 'NO']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}
