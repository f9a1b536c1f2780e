import { execFileSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { parseArgs } from 'node:util';
import { seededRandom } from '../bench/ingest/random.js';
import { BotProcess } from './chaos/bot-process.js';
import { checkInvariants, table } from './chaos/invariants.js';
import { Monkey } from './chaos/monkey.js';
import { newLedger, Traffic } from './chaos/traffic.js';
import { ADMIN, BOUND, CHATTY, createWorld, REPO, SUBSCRIBED } from './chaos/world.js';

const USAGE = `usage: npm run chaos -- [--long] [--postgres] [--rounds N] [--seed N] [--no-build] [--source]
Runs the built bot (--chat stdio), the local GitHub and a webhook sender on 127.0.0.1 under injected faults,
then checks that nothing was lost or duplicated. --source runs src/ through tsx instead of the build. --long runs for 10 minutes; --postgres uses a fresh PostgreSQL database.`;

const { values } = parseArgs({
  options: { long: { type: 'boolean' }, postgres: { type: 'boolean' }, rounds: { type: 'string' }, seed: { type: 'string' }, 'no-build': { type: 'boolean' }, source: { type: 'boolean' }, help: { type: 'boolean' } },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const seed = Number(values.seed ?? Date.now() % 100_000);
const random = seededRandom(seed);
const rounds = values.long ? Infinity : Number(values.rounds ?? 30);
// Rounds stop at the deadline; settling and checking take the rest of the CI budget (< 3 min).
const deadline = Date.now() + (values.long ? 10 * 60_000 : 80_000);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function round(traffic: Traffic, r: number): Promise<void> {
  const room = BOUND[r % BOUND.length]!;
  const work: Promise<void>[] = [traffic.issueCommand(room, r)];
  for (const chatty of CHATTY) traffic.say(chatty, random() < 0.3 ? `请问 ${r} 号版本怎么安装？` : `闲聊 ${r} ${chatty}`);
  const issues = traffic.world.github.state.issues(REPO);
  // GitHub paces content-creating requests (Octokit's throttling): one issue a round, a comment every other round.
  if (issues.length > 0 && r % 2 === 1) work.push(traffic.commentCommand(BOUND[(r + 1) % BOUND.length]!, issues[Math.floor(random() * issues.length)]!.number, r));
  for (let i = 0; i < 3; i++) work.push(traffic.deliver(r, i, random() < 0.3));
  await Promise.all(work);
  await sleep(1500 + random() * 1500);
}

/** Waits until the outbox is empty of due work and the bot has said everything. */
async function settle(traffic: Traffic, timeoutMs: number): Promise<void> {
  const store = await traffic.world.inspect();
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const counts = await store.outbox.counts();
    if (counts.pending + counts.running === 0) return;
    await sleep(250);
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  if (!values['no-build'] && !values.source) build();
  const world = await createWorld({ postgres: values.postgres ?? false });
  const bot = new BotProcess(world.env, values.source ?? false);
  const logFile = `${tmpdir()}/osschat-chaos-${world.postgres ? 'postgres' : 'sqlite'}-bot.log`;
  const log = createWriteStream(logFile);
  bot.stderrLog = log;
  const ledger = newLedger();
  const traffic = new Traffic(world, bot, ledger);
  try {
    await bot.start();
    for (const room of SUBSCRIBED) traffic.say(room, `/subscribe ${REPO}`, ADMIN);
    await traffic.recorded([...ledger.written.values()]);
    await settle(traffic, 10_000);
    const monkey = new Monkey(world, bot, ledger, random);
    monkey.start();
    let done = 0;
    while (done < rounds && Date.now() < deadline) {
      await round(traffic, done++);
      process.stderr.write(`round ${done} done (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
    }
    await monkey.stop();
    await traffic.recorded([...ledger.written.values()], 60_000);
    await settle(traffic, 90_000);
    const code = await bot.end();
    const checks = await checkInvariants(ledger, world.github, bot.says, await world.inspect());
    checks.push({ invariant: 'bot exits 0 at the end of input', expected: '0', actual: String(code), ok: code === 0 });
    checks.push({ invariant: 'bot exits on its own during the run', expected: '0', actual: String(bot.unasked), ok: bot.unasked === 0 });
    printFaults(ledger.faults, done, bot, ledger.resent, ledger.redeliveries);
    console.log(table(checks));
    const failed = checks.filter((c) => !c.ok).length;
    if (failed) console.error(`${bot.lastErrors.slice(-1500)}\nthe bot's logs: ${logFile}`);
    console.log(`chaos ${world.postgres ? 'postgres' : 'sqlite'} seed ${seed}: ${done} rounds, ${bot.kills} kills, ${[...ledger.faults.values()].reduce((a, b) => a + b, 0)} faults in ${((Date.now() - started) / 1000).toFixed(0)} s — ${failed ? `${failed} invariant(s) FAILED` : `all ${checks.length} invariants hold`}`);
    return failed ? 1 : 0;
  } finally {
    await bot.kill();
    await world.close();
  }
}

/** The chaos run drives the built CLI, as users run it; tsc still emits when another file has a type error. */
function build(): void {
  try {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  } catch {
    console.error('chaos: the build reported errors (above); running what it emitted');
  }
}

function printFaults(faults: Map<string, number>, rounds: number, bot: BotProcess, resent: number, redeliveries: number): void {
  console.log(`\n${rounds} rounds · bot started ${bot.starts} times · ${redeliveries} redeliveries · ${resent} lines written again after a kill\nfaults injected:`);
  for (const [name, count] of [...faults].sort()) console.log(`  ${String(count).padStart(4)}  ${name}`);
  console.log('');
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    console.log(`chaos: aborted — ${(error as Error).message}`);
    process.exit(2);
  },
);
