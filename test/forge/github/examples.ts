import { createRequire } from 'node:module';

/** One recorded delivery from @octokit/webhooks-examples. */
export interface Example {
  name: string;
  index: number;
  payload: Record<string, unknown>;
  /** The payload's action, or `-` when it has none (ping). */
  action: string;
}

interface Definition {
  name: string;
  examples: Record<string, unknown>[];
}

/** The event names OSSChat forwards (and ping). */
export const HANDLED_NAMES = ['issues', 'issue_comment', 'pull_request', 'pull_request_review', 'release', 'discussion', 'discussion_comment', 'ping'] as const;

/** The actions each forwarded event name maps, as the payload spells them. */
export const HANDLED_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  issues: ['opened', 'closed', 'reopened', 'labeled', 'assigned'],
  issue_comment: ['created'],
  pull_request: ['opened', 'closed', 'reopened', 'ready_for_review', 'review_requested'],
  pull_request_review: ['submitted'],
  release: ['published'],
  discussion: ['created', 'answered'],
  discussion_comment: ['created'],
};

const definitions = createRequire(import.meta.url)('@octokit/webhooks-examples') as Definition[];

/** Every recorded payload of the handled event names, in the package's order. */
export const EXAMPLES: readonly Example[] = definitions
  .filter((definition) => (HANDLED_NAMES as readonly string[]).includes(definition.name))
  .flatMap((definition) => definition.examples.map((payload, index) => ({
    name: definition.name,
    index,
    payload,
    action: typeof payload['action'] === 'string' ? payload['action'] : '-',
  })));

/** A deep copy of the `index`th recorded payload of `name`, safe to modify. */
export function examplePayload(name: string, index: number): Record<string, unknown> {
  const example = EXAMPLES.find((e) => e.name === name && e.index === index);
  if (!example) throw new Error(`no example ${name}[${index}]`);
  return structuredClone(example.payload);
}

/** The first recorded payload of `name` with `action`, deep-copied. */
export function firstExample(name: string, action: string): Record<string, unknown> {
  const example = EXAMPLES.find((e) => e.name === name && e.action === action);
  if (!example) throw new Error(`no example ${name}.${action}`);
  return structuredClone(example.payload);
}
