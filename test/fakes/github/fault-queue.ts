export interface FaultMatch {
  method?: string;
  /** Tested against the request path (without query); a string is read as a RegExp source. */
  path?: string | RegExp;
}

export interface FaultSpec {
  /** Answer with this status and GitHub's usual message for it (or `message`). */
  status?: number;
  message?: string;
  /** 'primary': 403 with `x-ratelimit-remaining: 0`; 'secondary': 403 (or `rateLimitStatus`) with `retry-after: 1`. */
  rateLimit?: 'primary' | 'secondary';
  rateLimitStatus?: 403 | 429;
  /** Wait before answering (alone: answer normally, only late). */
  delayMs?: number;
  /** Destroy the socket without an answer. */
  drop?: boolean;
  /** Run the endpoint, then drop the connection: GitHub did the work but the client never hears of it. */
  dropAfter?: boolean;
  match?: FaultMatch;
  /** Let this many matching requests through before the fault applies. */
  skip?: number;
}

/** Faults consumed, one per request, by the next requests they match. */
export class FaultQueue {
  private queue: FaultSpec[] = [];

  /** Queues faults for the next matching requests, in order. */
  next(...specs: FaultSpec[]): this {
    this.queue.push(...specs.map((s) => ({ ...s })));
    return this;
  }

  /** Queues a fault that lets `n` matching requests through first. */
  after(n: number, spec: FaultSpec): this {
    return this.next({ ...spec, skip: n });
  }

  clear(): void {
    this.queue = [];
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Removes and returns the first fault matching this request, if any. */
  take(method: string, path: string): FaultSpec | undefined {
    for (const [i, spec] of this.queue.entries()) {
      if (!matches(spec.match, method, path)) continue;
      if ((spec.skip ?? 0) > 0) {
        spec.skip = (spec.skip ?? 0) - 1;
        continue;
      }
      this.queue.splice(i, 1);
      return spec;
    }
    return undefined;
  }
}

function matches(match: FaultMatch | undefined, method: string, path: string): boolean {
  if (match?.method && match.method.toUpperCase() !== method.toUpperCase()) return false;
  if (match?.path === undefined) return true;
  return (typeof match.path === 'string' ? new RegExp(match.path) : match.path).test(path);
}
