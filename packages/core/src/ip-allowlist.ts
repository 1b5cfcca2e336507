import type { BlockList } from 'node:net';
import { loadBuiltin } from './node-builtin.js';

// node:net is loaded on the first address checked, not at import: it pulls in Node's socket
// and stream internals, a few ms of a cold start that only signs or sends.
let netModule: typeof import('node:net') | undefined;
function nodeNet(): typeof import('node:net') {
  netModule ??= loadBuiltin<typeof import('node:net')>('node:net');
  return netModule;
}
const isIP = (input: string): number => nodeNet().isIP(input);

// Address allowlists serve signed requests, pushes and OTP alike, so they live apart from
// any one of them.

const allowlists = new WeakMap<readonly string[], BlockList>();

/**
 * True when `ip` is in `allowed` (addresses or CIDR ranges; IPv4-mapped IPv6 is unwrapped). A
 * malformed entry (`10.0.0.0/abc`, `/33`) matches nothing.
 */
export function ipAllowed(ip: string | undefined, allowed: readonly string[]): boolean {
  if (!ip) return false;
  const address = unmapped(ip);
  const family = isIP(address);
  if (family === 0) return false;
  let list = allowlists.get(allowed);
  if (!list) {
    list = new (nodeNet().BlockList)();
    for (const entry of allowed) {
      const [net, bits, extra] = entry.split('/');
      const netFamily = isIP(net ?? '');
      const prefix = Number(bits);
      // A malformed entry allows nothing (the list fails closed) rather than throwing on
      // every request.
      if (netFamily === 0 || extra !== undefined) continue;
      const type = netFamily === 4 ? 'ipv4' : 'ipv6';
      if (bits === undefined) list.addAddress(net as string, type);
      else if (/^\d{1,3}$/.test(bits) && prefix <= (netFamily === 4 ? 32 : 128)) list.addSubnet(net as string, prefix, type);
    }
    allowlists.set(allowed, list);
  }
  return list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

function unmapped(ip: string): string {
  return ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
}

/** What {@link forwardedSourceIp} works from. */
export interface ForwardedSourceIpOptions {
  /** The address of the connection's peer (`req.socket.remoteAddress`). */
  remoteAddress: string | undefined;
  /** The `X-Forwarded-For` header as received (repeated headers as a list). */
  forwardedFor: string | readonly string[] | undefined;
  /**
   * How many proxies of yours stand in front of this server. `0`: the peer is the caller and
   * `X-Forwarded-For` is ignored. `n`: the caller is the address the n-th proxy saw, the n-th
   * entry from the right of `X-Forwarded-For` — the entries further left were written by
   * whoever sent the request and prove nothing.
   */
  trustedProxies: number;
}

/**
 * The caller's address behind a known number of proxies. Reading `X-Forwarded-For` from the
 * left (what Koa's `ctx.ip` does with `app.proxy = true` and no `maxIpsCount`) takes the
 * first entry, which the caller writes: a caller could then claim any allowlisted address.
 * Counting proxies from the right takes only what proxies you run have appended. With fewer
 * entries than proxies the request did not come through them all (a caller reached an inner
 * proxy directly), so no entry can be trusted — even the leftmost may be the caller's own
 * writing: the address is unknown (`undefined`), and an allowlist refuses it.
 */
export function forwardedSourceIp(options: ForwardedSourceIpOptions): string | undefined {
  const remote = options.remoteAddress === undefined ? undefined : unmapped(options.remoteAddress);
  const proxies = options.trustedProxies;
  if (!Number.isInteger(proxies) || proxies < 0) throw new TypeError(`trustedProxies must be a whole number ≥ 0, not ${String(proxies)}.`);
  if (proxies === 0 || options.forwardedFor === undefined) return remote;
  const header = typeof options.forwardedFor === 'string' ? options.forwardedFor : options.forwardedFor.join(',');
  const hops = header.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  if (hops.length === 0) return remote;
  if (hops.length < proxies) return undefined;
  const entry = hops[hops.length - proxies] as string;
  return unmapped(entry);
}
