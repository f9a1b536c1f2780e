import { parseSubscriptionCommand } from './parse-subscription.js';
import { applySubscribe, type SubscriptionState } from './subscribe-merge.js';

export type SpecResult = { ok: true; repo: string; state: SubscriptionState } | { ok: false; problem: string };

/** A subscription written as in chat after `/subscribe` (`octo/hello issues +label:bug`), e.g. in the configuration. */
export function parseSubscriptionSpec(spec: string): SpecResult {
  const parsed = parseSubscriptionCommand(`/subscribe ${spec}`);
  if (!parsed || parsed.kind !== 'subscribe') {
    const detail = parsed && parsed.kind === 'malformed' ? JSON.stringify({ ...parsed, kind: undefined, verb: undefined }) : '';
    return { ok: false, problem: `expected "owner/repo [issues pulls releases comments discussions] [+label:NAME …]"${detail ? ` (${detail})` : ''}` };
  }
  return { ok: true, repo: parsed.repo, state: applySubscribe(undefined, parsed) };
}
