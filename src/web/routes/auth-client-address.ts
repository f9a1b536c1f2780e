import { BlockList, isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { parseProxySpec } from './auth-proxy-spec.js';

/** `::ffff:10.0.0.1` (an IPv4 client on a dual-stack socket) is `10.0.0.1`. */
function plain(address: string): string {
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
}

/** Decides which peers are trusted proxies, from `web.trustProxy`. */
export function trustedProxies(specs: readonly string[]): (address: string) => boolean {
  const list = new BlockList();
  for (const spec of specs) {
    const parsed = parseProxySpec(spec);
    if (!parsed) throw new Error(`web.trustProxy: "${spec}" is not an IP address or CIDR range (e.g. 127.0.0.1 or 10.0.0.0/8)`);
    if (parsed.prefix === undefined) list.addAddress(parsed.address, parsed.family);
    else list.addSubnet(parsed.address, parsed.prefix, parsed.family);
  }
  return (address) => {
    const ip = plain(address);
    const version = isIP(ip);
    return version !== 0 && list.check(ip, version === 4 ? 'ipv4' : 'ipv6');
  };
}

function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * The client's address: the socket's, unless the socket is a trusted proxy; then the right-most
 * `X-Forwarded-For` entry that is not a trusted proxy (entries to its left are the client's own words).
 */
export function clientAddress(c: Context, trusted: (address: string) => boolean): string {
  const socket = plain(socketAddress(c));
  if (!trusted(socket)) return socket;
  const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((hop) => plain(hop.trim())).filter(Boolean);
  for (let at = hops.length - 1; at >= 0; at--) {
    if (!trusted(hops[at]!)) return hops[at]!;
  }
  return hops[0] ?? socket;
}
