import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { createGitHubServer, type GitHubServer } from '../fakes/github/index.js';
import { runCli } from '../helpers/cli.js';

// Issue 14, item 1 (chat half): a member redeemed a dashboard bind code in a private group of a
// self-hosted deployment and took the group (and its archive) over. Played here through the real CLI.
let github: GitHubServer;
beforeAll(async () => {
  github = await createGitHubServer({ repos: ['octo/hello', 'evil/repo'] });
});
afterAll(async () => github.close());

const ROOMS = { private: '私有群', fresh: '新群', chatBound: '已绑定群' } as const;
type RoomName = keyof typeof ROOMS;

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'osschat-takeover-'));
  const config = join(dir, 'osschat.yaml');
  writeFileSync(config, ['admins: ["op"]', 'rooms:', `  - match: { topic: "${ROOMS.private}" }`, '    repo: octo/hello', ''].join('\n'));
  const db = join(dir, 'osschat.db');
  return { db, env: { OSSCHAT_CONFIG: config, DATABASE_URL: db, GITHUB_API_URL: github.url, GITHUB_TOKEN: 'test-token' } };
}

let seq = 0;
function line(room: RoomName, from: { id: string; role?: string }, text: string): string {
  seq += 1;
  return JSON.stringify({ type: 'message', id: `m${seq}`, room: { id: room, topic: ROOMS[room] }, from: { name: from.id, ...from }, text, ts: new Date(Date.UTC(2026, 10, 24, 2, 0, seq)).toISOString() });
}

async function codes(db: string, count: number): Promise<string[]> {
  const store = await openStore(db);
  try {
    const mallory = await store.tenants.ensureAccount('mallory', 'user', 'mallory');
    const made = [];
    for (let i = 0; i < count; i++) made.push((await store.tenants.createBindCode(mallory.id, 'evil/repo', 'mallory', 60_000)).code);
    return made;
  } finally {
    await store.close();
  }
}

describe('bind codes through the CLI (self-hosted config, stdio roles)', () => {
  it('only the group owner (or a configured admin) redeems, and never over the self-hosted config without an admin', async () => {
    const { db, env } = setup();
    const [first, second, third] = await codes(db, 3);
    const attacks = [
      line('private', { id: 'mallory', role: 'member' }, `绑定 ${first}`),
      line('private', { id: 'mallory' }, `/bind ${first}`),
      line('private', { id: 'owner', role: 'owner' }, `绑定 ${first}`),
      line('chatBound', { id: 'op' }, '绑定 octo/hello'),
      line('chatBound', { id: 'boss', role: 'admin' }, `绑定 ${second}`),
      line('fresh', { id: 'mallory', role: 'member' }, `绑定 ${first}`),
      line('fresh', { id: 'founder', role: 'owner' }, `绑定 ${first}`),
    ];
    const run = await runCli(['start', '--chat', 'stdio'], env, `${attacks.join('\n')}\n`);
    expect(run.code).toBe(0);
    const denied = '抱歉，只有群主、群管理员或机器人管理员可以使用「bind-code」。\n想成为机器人管理员，请找一位管理员：他引用你的任意一条消息并发送「添加管理员」即可。';
    const bound = '绑定成功：本群已加入社区 mallory，绑定仓库 evil/repo。管理员可以在管理后台查看和修改。';
    // Rooms run side by side: compare what each room was told, in order.
    expect(said(run.stdout)).toEqual({
      private: [denied, denied, expect.stringContaining('本群由机器人的配置文件管理')],
      chatBound: ['已绑定 octo/hello：本群的「以上N条开工单」会在这个仓库创建工单。', expect.stringContaining('只有机器人管理员（配置文件 admins 里的人）可以在本群发送绑定码')],
      fresh: [denied, bound],
    });
    await expectRooms(db, {
      private: { repo: null, tenant: null, archivePublic: false },
      chatBound: { repo: 'octo/hello', tenant: null, archivePublic: false },
      fresh: { repo: 'evil/repo', tenant: 'mallory', archivePublic: false },
    });

    // The configuration's owner consents: a configured admin says a code in the config's own room.
    const consent = await runCli(['start', '--chat', 'stdio'], env, `${line('private', { id: 'op' }, `绑定 ${third}`)}\n`);
    expect(said(consent.stdout)).toEqual({ private: [bound] });
    await expectRooms(db, { private: { repo: 'evil/repo', tenant: 'mallory', archivePublic: false } });
  }, 60_000);

  it('keeps counting wrong codes across a restart: after the lock-out a right code is ignored by the next process too', async () => {
    const { db, env } = setup();
    const [right] = await codes(db, 1);
    const guesses = ['2222-2222', '3333-3333', '4444-4444', '5555-5555', '6666-6666'].map((code) => line('fresh', { id: 'founder', role: 'owner' }, `绑定 ${code}`));
    const first = await runCli(['start', '--chat', 'stdio'], env, `${guesses.join('\n')}\n`);
    expect(said(first.stdout).fresh).toEqual([...Array(4).fill(expect.stringContaining('不存在')), '绑定码错误次数太多。请 15 分钟后再试；在此之前机器人不会回应绑定码。']);
    const second = await runCli(['start', '--chat', 'stdio'], env, `${line('fresh', { id: 'founder', role: 'owner' }, `绑定 ${right}`)}\n`);
    expect(second.code).toBe(0);
    expect(second.stdout.trim()).toBe('');
    expect(second.stderr).toContain('bind code ignored: too many wrong codes lately');
    await expectRooms(db, { fresh: { repo: null, tenant: null, archivePublic: false } });
  }, 60_000);
});

/** What the bot said, room by room. */
function said(stdout: string): Record<string, string[]> {
  const byRoom: Record<string, string[]> = {};
  for (const text of stdout.trim().split('\n')) {
    const say = JSON.parse(text) as { room: string; text: string };
    (byRoom[say.room] ??= []).push(say.text);
  }
  return byRoom;
}

async function expectRooms(db: string, expected: Partial<Record<RoomName, { repo: string | null; tenant: string | null; archivePublic: boolean }>>) {
  const store = await openStore(db);
  try {
    const tenants = new Map((await store.tenants.ofMember('mallory')).map((tenant) => [tenant.id, tenant.login]));
    for (const [room, want] of Object.entries(expected)) {
      const found = (await store.rooms.findByExternalId('stdio', room))!;
      const tenant = await store.tenants.tenantOfRoom(found.id);
      expect({ repo: found.repo, tenant: tenant === null ? null : tenants.get(tenant), archivePublic: found.archivePublic }, room).toEqual(want);
    }
  } finally {
    await store.close();
  }
}
