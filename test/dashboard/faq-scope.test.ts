import { afterEach, describe, expect, it } from 'vitest';
import type { FaqCandidate } from '../../src/core/faq/types.js';
import { askInRoom, faqTenantOf } from '../../src/core/tenants/tenant-faq-scope.js';
import type { StoredFaqEntry } from '../../src/core/faq/faq-entry.js';
import { dashboardHarness, postForm, signIn, type Harness } from './dashboard-harness.js';

const candidate = (id: string, score: number): FaqCandidate => ({ id, question: '怎么安装？', score, answer: `answer of ${id}` });

describe('FAQ answers stay within their tenant', () => {
  const faq = { settings: { threshold: 0.5, margin: 0, cooldownMs: 0 }, ask: () => ({ match: candidate('t2-a', 0.9), candidates: [candidate('t2-a', 0.9), candidate('t1-b', 0.7), candidate('shared', 0.6)] }) };

  it('reads the owner from the id', () => {
    expect(faqTenantOf('t12-install')).toBe(12);
    expect(faqTenantOf('install')).toBeUndefined();
  });

  it('answers a room with its own tenant\'s entries and the shared ones, never another tenant\'s', () => {
    expect(askInRoom(faq, '怎么安装？', 2).match?.id).toBe('t2-a');
    expect(askInRoom(faq, '怎么安装？', 1).match?.id).toBe('t1-b');
    expect(askInRoom(faq, '怎么安装？', null).match?.id).toBe('shared');
    expect(askInRoom(faq, '怎么安装？', 3).candidates.map((c) => c.id)).toEqual(['shared']);
  });
});

describe('dashboard FAQ edits reach the running bot\'s index', () => {
  let h: Harness | undefined;
  afterEach(async () => h?.close());

  it('puts added and edited entries and removes deleted ones', async () => {
    const put: StoredFaqEntry[] = [];
    const removed: string[] = [];
    h = await dashboardHarness({ faqIndex: { put: (entry) => void put.push(entry), remove: (id) => void removed.push(id) } });
    const alice = await signIn(h, 'alice');
    await postForm(h, alice, '/dashboard/faq', { questions: '怎么安装？', answer: 'npm ci' });
    expect(put.map((e) => e.answer)).toEqual(['npm ci']);
    await postForm(h, alice, `/dashboard/faq/${put[0]!.id}/delete`, {});
    expect(removed).toEqual([put[0]!.id]);
  });
});
