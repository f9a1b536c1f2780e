import type { Harness } from './dashboard-harness.js';

/** A tenant with one bound room, one FAQ entry and one failed job; returns their ids. */
export async function seedTenant(h: Harness, login: string, roomId: string) {
  const tenant = await h.store.tenants.ensureAccount(login, 'user', login);
  const room = await h.store.rooms.upsert({ platform: 'stdio', externalId: roomId, kind: 'group', topic: `${login} 的群` });
  const { code } = await h.store.tenants.createBindCode(tenant.id, `${login}/repo`, login, 60_000);
  await h.store.tenants.redeemBindCode(code, room.id);
  const faqId = `t${tenant.id}-install`;
  await h.store.faq.upsert({ id: faqId, questions: [`${login} 怎么安装？`], answer: `${login} 的答案`, tags: [], source: 'manual' });
  await h.store.tenants.claimFaq(tenant.id, faqId);
  const job = await h.store.outbox.enqueue({ kind: 'chat.say', payload: { room: roomId, text: 'hi' }, idempotencyKey: `say:${login}`, roomId: room.id });
  const [claimed] = await h.store.outbox.claimDue(new Date(Date.now() + 1000), 1, 60_000);
  await h.store.outbox.fail(claimed!.id, `${login}: chat is down`, null);
  return { tenant, room, faqId, jobId: job.id };
}
