import { isIP } from 'node:net';

/**
 * The key an IP is counted under: an IPv4 address as it is (IPv4-mapped IPv6 included), an IPv6
 * address as its /64 — one subscriber usually holds a whole /64, and counting single addresses
 * would give an attacker 2^64 fresh ones. Undefined for anything that is not an IP address.
 */
export function ipCountingKey(ip: string): string | undefined {
  const bare = ip.trim().replace(/%.*$/, '');
  const mapped = bare.toLowerCase().startsWith('::ffff:') ? bare.slice(7) : undefined;
  if (mapped !== undefined && isIP(mapped) === 4) return mapped;
  const family = isIP(bare);
  if (family === 4) return bare;
  if (family !== 6) return undefined;
  const groups = expandIpv6(bare.toLowerCase());
  return `${groups.slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, without leading zeros. */
function expandIpv6(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const parse = (part: string): string[] => (part === '' ? [] : part.split(':'));
  const left = parse(head);
  const right = parse(tail ?? '');
  // An embedded IPv4 tail (::1.2.3.4) is two groups.
  const last = right.length > 0 ? right : left;
  const dotted = last[last.length - 1];
  if (dotted?.includes('.')) {
    const bytes = dotted.split('.').map(Number);
    last.splice(last.length - 1, 1, (((bytes[0] ?? 0) << 8) | (bytes[1] ?? 0)).toString(16), (((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0)).toString(16));
  }
  const fill = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...fill, ...right].map((group) => Number.parseInt(group, 16).toString(16));
}

const SCENE = /^[\w.-]{1,64}$/;

/** True for a scene name smskit accepts: 1–64 letters, digits, `_`, `.` or `-`. */
export function isSceneName(scene: string): boolean {
  return SCENE.test(scene);
}
