import { Webhooks } from '@octokit/webhooks';
import { payloadFor } from '../../test/helpers/webhook-examples.js';
import type { BotProcess } from './bot-process.js';
import { ADMIN, REPO, SECRET, type World } from './world.js';

export interface Written {
  id: string;
  room: string;
  text: string;
  from: { id: string; name: string };
  ts: string;
}

/** Everything the driver did, for the invariants. */
export interface Ledger {
  written: Map<string, Written>;
  issueCommands: { id: string; room: string; tokens: string[] }[];
  commentCommands: { id: string; room: string; number: number; token: string }[];
  accepted: { id: string; token: string }[];
  redeliveries: number;
  resent: number;
  faults: Map<string, number>;
}

export const newLedger = (): Ledger => ({ written: new Map(), issueCommands: [], commentCommands: [], accepted: [], redeliveries: 0, resent: 0, faults: new Map() });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const webhooks = new Webhooks({ secret: SECRET });

const lineOf = ({ id, room, from, text, ts }: Written) => ({ type: 'message', id, room: { id: room, topic: room }, from, text, ts });

/** Writes chat lines, signed deliveries and commands to the bot, and keeps the ledger. */
export class Traffic {
  private clock = Date.UTC(2026, 10, 24, 2, 0, 0);
  private seq = 0;

  constructor(readonly world: World, readonly bot: BotProcess, readonly ledger: Ledger) {}

  say(room: string, text: string, from = { id: `u${this.seq % 7}`, name: `成员${this.seq % 7}` }): Written {
    const id = `chaos-${++this.seq}`;
    this.clock += 1000;
    const written = { id, room, text, from, ts: new Date(this.clock).toISOString() };
    this.ledger.written.set(id, written);
    this.bot.write(lineOf(written));
    return written;
  }

  /** Waits until these messages are in the log, writing again those a killed bot never read. */
  async recorded(messages: Written[], timeoutMs = 30_000): Promise<void> {
    const since = Date.now();
    let missing = messages;
    for (let tries = 0; missing.length > 0; tries++) {
      // A restart on a loaded machine takes seconds: the bot gets the full time after its latest start.
      if (this.bot.unasked > 0) throw new Error(`the bot exited on its own (${this.bot.unasked}×): ${this.bot.lastErrors.slice(-600)}`);
      if (Date.now() > Math.max(since, this.bot.startedAt) + timeoutMs) throw new Error(`not recorded in ${timeoutMs} ms: ${missing.map((m) => m.id).join(', ')}`);
      await sleep(100);
      missing = await this.missing(missing);
      if (missing.length > 0 && tries % 20 === 19 && this.bot.running) {
        // Lines still in the pipe of a killed bot are lost: the platform delivers them again, same id.
        for (const m of missing) this.bot.write(lineOf(m));
        this.ledger.resent += missing.length;
      }
    }
  }

  async missing(messages: Written[]): Promise<Written[]> {
    const store = await this.world.inspect();
    const out: Written[] = [];
    for (const m of messages) {
      try {
        const room = await store.rooms.findByName(m.room);
        if (!room || !(await store.messages.findByPlatformId(room.id, m.id))) out.push(m);
      } catch (error) {
        // The harness's own read failed (the database is under fault too): ask again, a loss still times out.
        if (!store.isTransient?.(error)) throw error;
        out.push(m);
      }
    }
    return out;
  }

  /** A few chat lines, then `以上N条开工单` over exactly them. */
  async issueCommand(room: string, round: number): Promise<void> {
    const n = 2 + (round % 3);
    const chat = Array.from({ length: n }, (_, i) => this.say(room, `第${round}轮 问题 tok-${room}-${round}-${i} 启动失败`));
    await this.recorded(chat);
    const command = this.say(room, `以上${n}条开工单`);
    this.ledger.issueCommands.push({ id: command.id, room, tokens: chat.map((m) => /tok-\S+/.exec(m.text)![0]) });
    await this.recorded([command]);
  }

  async commentCommand(room: string, number: number, round: number): Promise<void> {
    const token = `ctok-${room}-${round}`;
    const command = this.say(room, `/comment ${number} 补充 ${token}`, ADMIN);
    this.ledger.commentCommands.push({ id: command.id, room, number, token });
    await this.recorded([command]);
  }

  /** A signed `issues.opened` delivery, posted until the bot answers; sometimes redelivered. */
  async deliver(round: number, i: number, redeliver: boolean): Promise<void> {
    const id = `delivery-${round}-${i}`;
    const token = `wtok-${round}-${i}`;
    const body = payloadFor('issues', 'opened', (p) => {
      p.repository.full_name = REPO;
      p.issue.number = 10_000 + round * 10 + i;
      p.issue.title = `webhook ${token}`;
      p.issue.labels = [];
    });
    const status = await this.post(id, body);
    // 200 on the first delivery: an earlier attempt was recorded before its answer was lost.
    if (status === 202 || status === 200) this.ledger.accepted.push({ id, token });
    if (redeliver) {
      const again = await this.post(id, body);
      this.ledger.redeliveries++;
      if (again === 202) throw new Error(`redelivery of ${id} accepted again`);
    }
  }

  private async post(id: string, body: string): Promise<number> {
    const headers = { 'content-type': 'application/json', 'x-github-event': 'issues', 'x-github-delivery': id, 'x-hub-signature-256': await webhooks.sign(body) };
    // A restart on a loaded machine can take many seconds: keep trying, as GitHub's redelivery would.
    for (const deadline = Date.now() + 120_000; Date.now() < deadline; ) {
      try {
        const response = await fetch(`${this.bot.url}/webhooks/github`, { method: 'POST', body, headers, signal: AbortSignal.timeout(5000) });
        if (response.status < 500) return response.status;
      } catch {
        // The bot is down or restarting: GitHub would retry (or someone presses Redeliver).
      }
      await sleep(200);
    }
    throw new Error(`delivery ${id} never answered`);
  }
}
