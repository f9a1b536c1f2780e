import { Threader, type ThreaderOptions } from './threader.js';
import type { ThreadLink, ThreadMessage } from './types.js';

/** Places every message of one room's history, in order, in its conversation. */
export function disentangle(messages: Iterable<ThreadMessage>, options?: ThreaderOptions): ThreadLink[] {
  const threader = new Threader(options);
  const links: ThreadLink[] = [];
  for (const message of messages) links.push(threader.add(message));
  return links;
}
