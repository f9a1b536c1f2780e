import { createRequire } from 'node:module';
import { Webhooks } from '@octokit/webhooks';

interface ExampleSet {
  name: string;
  examples: Record<string, unknown>[];
}

const examples = createRequire(import.meta.url)('@octokit/webhooks-examples') as ExampleSet[];

/** The real payloads GitHub sends for `event`, optionally only those with `action`. */
export function examplesOf(event: string, action?: string): Record<string, unknown>[] {
  const set = examples.find((entry) => entry.name === event)?.examples ?? [];
  return action ? set.filter((payload) => payload.action === action) : set;
}

/** A real payload with some fields replaced (repository, labels…), as JSON ready to sign. */
export function payloadFor(event: string, action: string, change: (payload: Record<string, any>) => void = () => undefined): string {
  const payload = structuredClone(examplesOf(event, action)[0]) as Record<string, any>;
  if (!payload) throw new Error(`no example for ${event}.${action}`);
  change(payload);
  return JSON.stringify(payload);
}

export async function signedHeaders(secret: string, event: string, delivery: string, body: string): Promise<Record<string, string>> {
  const signature = await new Webhooks({ secret }).sign(body);
  return { 'content-type': 'application/json', 'x-github-event': event, 'x-github-delivery': delivery, 'x-hub-signature-256': signature };
}
