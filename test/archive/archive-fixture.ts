import type { Store } from '../../src/store/store.js';

export interface FixtureMessage {
  id: string;
  from: string;
  text: string;
  /** Minutes after 2026-11-24T02:00Z. */
  at: number;
  conversation?: string;
  parent?: string;
}

export interface FixtureRoom {
  externalId: string;
  topic: string;
  public: boolean;
  messages: FixtureMessage[];
}

const START = Date.parse('2026-11-24T02:00:00Z');

/** Stores rooms, members (id = name) and placed messages; returns the rooms' database ids. */
export async function seedArchive(store: Store, rooms: FixtureRoom[]): Promise<Record<string, number>> {
  const ids: Record<string, number> = {};
  for (const fixture of rooms) {
    const room = await store.rooms.upsert({ platform: 'stdio', externalId: fixture.externalId, kind: 'group', topic: fixture.topic });
    ids[fixture.externalId] = room.id;
    if (fixture.public) await store.archive.setRoomPublic(room.id, true);
    const inputs = [];
    for (const m of fixture.messages) {
      const member = await store.members.upsert({ platform: 'stdio', externalId: `id-${m.from}`, name: m.from });
      inputs.push({
        roomId: room.id, senderId: member.id, platformMsgId: m.id, kind: 'text' as const, text: m.text, ts: new Date(START + m.at * 60_000), isSelf: false,
        conversationId: m.conversation ?? m.id, ...(m.parent ? { threadParent: m.parent } : {}),
      });
    }
    await store.messages.insertMany(inputs);
  }
  return ids;
}

/** A public room with two conversations (Chinese and English), and a private room. */
export const ROOMS: FixtureRoom[] = [
  {
    externalId: 'pub', topic: 'OSSChat 开发者群', public: true,
    messages: [
      { id: 'a1', from: '张三', text: '请问 wechaty 安装失败怎么办？报错 node-gyp', at: 0 },
      { id: 'a2', from: '李四', text: '@张三 试试升级 Node 到 20，然后重新安装依赖', at: 2, conversation: 'a1', parent: 'a1' },
      { id: 'a3', from: '王五', text: '我的手机 13812345678，邮箱 wangwu@example.com，微信号: wangwu_88', at: 3, conversation: 'a1', parent: 'a1' },
      { id: 'b1', from: 'Alice', text: 'How do I configure the webhook secret for GitHub?', at: 60 },
      { id: 'b2', from: 'Bob', text: 'Set GITHUB_WEBHOOK_SECRET, see https://example.org/docs?token=abc123secret', at: 62, conversation: 'b1', parent: 'b1' },
    ],
  },
  {
    externalId: 'priv', topic: '内部私密群', public: false,
    messages: [{ id: 'p1', from: '赵六', text: '机密：wechaty 内部发布计划 secretplan', at: 5 }],
  },
];
