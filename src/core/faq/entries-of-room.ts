import type { ChatContext } from '../context.js';
import type { StoredFaqEntry } from './faq-entry.js';
import { visibleInRoom } from '../tenants/tenant-faq-scope.js';

/** The FAQ entries the room may see (the shared ones and its tenant's), as the FAQ answers in it. */
export async function entriesOfRoom(ctx: Pick<ChatContext, 'store' | 'room'>): Promise<StoredFaqEntry[]> {
  const tenant = await ctx.store.tenants.tenantOfRoom(ctx.room.id);
  return (await ctx.store.faq.list()).filter((entry) => visibleInRoom(entry.id, tenant));
}
