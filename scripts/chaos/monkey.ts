import { rmSync, writeFileSync } from 'node:fs';
import type { FaultSpec } from '../../test/fakes/github/index.js';
import type { BotProcess } from './bot-process.js';
import type { Ledger } from './traffic.js';
import type { World } from './world.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const GITHUB_FAULTS: FaultSpec[] = [{ status: 500 }, { status: 502 }, { delayMs: 9000 }, { rateLimit: 'secondary' }, { rateLimit: 'primary' }, { dropAfter: true }, { drop: true }];

/** Injects one fault after another, at random moments, until stopped. */
export class Monkey {
  private stopped = false;
  private loop: Promise<void> = Promise.resolve();
  private bag: number[] = [];

  constructor(private readonly world: World, private readonly bot: BotProcess, private readonly ledger: Ledger, private readonly random: () => number) {}

  start(): void {
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
    rmSync(this.world.refuseFile, { force: true });
    this.world.github.faults.clear();
    if (!this.bot.running) await this.bot.start();
  }

  private count(name: string): void {
    this.ledger.faults.set(name, (this.ledger.faults.get(name) ?? 0) + 1);
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      await sleep(800 + this.random() * 2500);
      if (this.stopped) break;
      const pick = this.nextKind();
      if (pick === 0) await this.killAndRestart();
      else if (pick === 1) this.githubStretch();
      else if (pick === 2) await this.refuseSends(700 + this.random() * 1500);
      else if (pick === 3) await this.databaseBlip();
      else if (pick === 4) await this.databaseOutage();
      else await this.diskFull();
    }
  }

  /** Fault kinds come from a shuffled bag: every kind is injected in every six, so each run meets them all. */
  private nextKind(): number {
    if (this.bag.length === 0) {
      this.bag = [0, 1, 2, 3, 4, 5];
      for (let i = this.bag.length - 1; i > 0; i--) {
        const j = Math.floor(this.random() * (i + 1));
        [this.bag[i], this.bag[j]] = [this.bag[j]!, this.bag[i]!];
      }
    }
    return this.bag.pop()!;
  }

  private async databaseBlip(): Promise<void> {
    await this.world.databaseFault(500 + Math.floor(this.random() * 2000));
    this.count(this.world.postgres ? 'database: bot connections terminated' : 'database: locked exclusively (0.5-2.5 s)');
  }

  /** Longer than the 6 s of retries that used to end in lost lines and, on PostgreSQL, a bot that exited. */
  private async databaseOutage(): Promise<void> {
    await this.world.databaseOutage(6500 + Math.floor(this.random() * 3500));
    this.count(this.world.postgres ? 'database outage: PostgreSQL refuses every connection (6.5-10 s)' : 'database outage: locked exclusively (6.5-10 s)');
  }

  private async diskFull(): Promise<void> {
    if (!this.world.diskFull) return this.databaseBlip();
    await this.world.diskFull(2000 + Math.floor(this.random() * 4000));
    this.count('disk full under the SQLite database (2-6 s)');
  }

  private async killAndRestart(): Promise<void> {
    await this.bot.kill();
    this.count('SIGKILL of the bot + restart');
    await sleep(100 + this.random() * 600);
    await this.bot.start();
  }

  private githubStretch(): void {
    const n = 2 + Math.floor(this.random() * 6);
    const specs = Array.from({ length: n }, () => GITHUB_FAULTS[Math.floor(this.random() * GITHUB_FAULTS.length)]!);
    this.world.github.faults.next(...specs);
    for (const spec of specs) this.count(`GitHub ${spec.status ?? (spec.rateLimit ? `rate limit (${spec.rateLimit})` : spec.delayMs ? 'timeout' : spec.dropAfter ? 'drop after doing the work' : 'connection dropped')}`);
  }

  private async refuseSends(ms: number): Promise<void> {
    writeFileSync(this.world.refuseFile, '');
    this.count('chat refuses sends (stretch)');
    await sleep(ms);
    rmSync(this.world.refuseFile, { force: true });
  }
}
