import autocannon from 'autocannon';
import type { SignedDelivery } from './deliveries.js';

export const CONNECTIONS = 10;

export interface LoadResult {
  /** 2xx answers. */
  ok: number;
  seconds: number;
  p50: number;
  p99: number;
}

/** Keeps CONNECTIONS keep-alive connections busy for `seconds`, each request the next pre-signed delivery under a fresh id. */
export async function load(url: string, deliveries: readonly SignedDelivery[], nextId: () => string, seconds: number, expected: number): Promise<LoadResult> {
  let next = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [{
      method: 'POST',
      setupRequest: (request) => {
        const delivery = deliveries[next++ % deliveries.length]!;
        const headers = { 'content-type': 'application/json', 'x-github-event': delivery.event, 'x-github-delivery': nextId(), 'x-hub-signature-256': delivery.signature };
        return { ...request, headers, body: delivery.bytes };
      },
    }],
  });
  const statuses = Object.entries(result.statusCodeStats).map(([status, { count }]) => `${status}×${count}`).join(', ');
  // A fast error is not a fast server: any other answer fails the benchmark.
  if (result.non2xx || result.errors || result.timeouts || !result.statusCodeStats[expected] || Object.keys(result.statusCodeStats).length !== 1) {
    throw new Error(`${url} answered ${statuses || 'nothing'} (expected only ${expected}), ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  return { ok: result['2xx'], seconds: result.duration, p50: result.latency.p50, p99: result.latency.p99 };
}
