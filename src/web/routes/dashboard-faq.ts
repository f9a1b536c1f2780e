import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import type { FaqEntry } from '../../core/faq/faq-entry.js';
import type { FaqService } from '../../core/faq/faq-service.js';
import { parseKb, type KbFormat } from '../../core/faq/parse-kb.js';
import { ownsFaqId, tenantFaqId } from '../../core/tenants/tenant-faq-id.js';
import type { Store } from '../../store/store.js';
import { faqEditPage, faqPage } from '../views/dashboard-faq.js';
import { fill } from '../views/dashboard-labels.js';
import type { DashboardEnv } from './dashboard-deps.js';
import { frameOf, notFound, type DashboardContext } from './dashboard-frame.js';

const FORMATS = new Set<KbFormat>(['yaml', 'csv', 'markdown']);

async function form(c: DashboardContext): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, typeof value === 'string' ? value.trim() : '']));
}

function entryFrom(fields: Record<string, string>, id: string): FaqEntry | undefined {
  const questions = (fields.questions ?? '').split(/\r?\n/).map((q) => q.trim()).filter(Boolean);
  const answer = fields.answer ?? '';
  if (questions.length === 0 || !answer) return undefined;
  const tags = (fields.tags ?? '').split(/[\s,，]+/).filter(Boolean);
  return { id, questions, answer, ...(fields.url ? { url: fields.url } : {}), tags, source: 'manual' };
}

/** An entry of the tenant's, or undefined: ids of other tenants and global entries are never found. */
async function ownEntry(store: Store, tenantId: number, id: string | undefined) {
  if (!id || !ownsFaqId(tenantId, id)) return undefined;
  const entry = await store.faq.get(id);
  return entry && (await store.tenants.claimFaq(tenantId, id)) ? entry : undefined;
}

async function render(store: Store, c: DashboardContext, flash?: string): Promise<Response> {
  return c.html(faqPage(frameOf(c, 'faq', flash), await store.tenants.faq(c.get('tenant').id)));
}

/** `/dashboard/faq`: list with votes, add, edit, delete, import; every id is the tenant's. */
export function dashboardFaqRoutes(store: Store, index?: Pick<FaqService, 'put' | 'remove'>): Hono<DashboardEnv> {
  const app = new Hono<DashboardEnv>();
  const save = async (tenantId: number, entry: FaqEntry) => {
    await store.faq.upsert(entry);
    await store.tenants.claimFaq(tenantId, entry.id);
    const stored = await store.faq.get(entry.id);
    if (stored) index?.put(stored);
  };
  app.get('/dashboard/faq', (c) => render(store, c));
  app.get('/dashboard/faq/:id/edit', async (c) => {
    const entry = await ownEntry(store, c.get('tenant').id, c.req.param('id'));
    return entry ? c.html(faqEditPage(frameOf(c, 'faq'), entry)) : notFound(c);
  });
  app.post('/dashboard/faq', async (c) => {
    const tenantId = c.get('tenant').id;
    const fields = await form(c);
    if (fields.id && !(await ownEntry(store, tenantId, fields.id))) return notFound(c);
    const entry = entryFrom(fields, fields.id || tenantFaqId(tenantId, randomBytes(5).toString('hex')));
    if (!entry) return c.text('a question and an answer are required\n', 400);
    await save(tenantId, entry);
    return c.redirect('/dashboard/faq', 303);
  });
  app.post('/dashboard/faq/:id/delete', async (c) => {
    const entry = await ownEntry(store, c.get('tenant').id, c.req.param('id'));
    if (!entry) return notFound(c);
    await store.faq.remove(entry.id);
    index?.remove(entry.id);
    return c.redirect('/dashboard/faq', 303);
  });
  app.post('/dashboard/faq/import', async (c) => {
    const tenantId = c.get('tenant').id;
    const fields = await form(c);
    const format = fields.format as KbFormat;
    if (!FORMATS.has(format)) return c.text('format: expected yaml, csv or markdown\n', 400);
    const report = parseKb(fields.text ?? '', format);
    for (const entry of report.entries) {
      await save(tenantId, { ...entry, id: tenantFaqId(tenantId, entry.id), source: 'import' });
    }
    const errors = report.errors.map((error) => `line ${error.line}: ${error.message}`).join('; ');
    return render(store, c, `${fill(c.get('l').imported, { done: report.entries.length, errors: report.errors.length })}${errors ? ` — ${errors}` : ''}`);
  });
  return app;
}
