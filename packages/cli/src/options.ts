import { isIP } from 'node:net';
import { InvalidArgumentError } from 'commander';

/** A commander parser for a whole number in `[min, max]`, naming the flag when it is not. */
export function wholeNumber(flag: string, range: { min?: number; max?: number } = {}): (value: string) => number {
  const { min = 0, max = Number.MAX_SAFE_INTEGER } = range;
  return (value) => {
    const parsed = /^\d{1,15}$/.test(value) ? Number(value) : Number.NaN;
    if (!(parsed >= min && parsed <= max)) throw new InvalidArgumentError(`${flag} takes a whole number from ${min} to ${max}, not "${value}".`);
    return parsed;
  };
}

/** A commander collector for a repeatable flag, checking each value with `check`. */
export function repeatable<T>(check: (value: string) => T): (value: string, previous: T[] | undefined) => T[] {
  return (value, previous) => [...(previous ?? []), check(value)];
}

/** An IP address or CIDR range (`10.0.0.0/8`, `2001:db8::/32`), checked. */
export function ipRange(value: string): string {
  const [net = '', bits, extra] = value.split('/');
  const family = isIP(net);
  const width = family === 4 ? 32 : 128;
  const prefixOk = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= width);
  if (family === 0 || extra !== undefined || !prefixOk) throw new InvalidArgumentError(`"${value}" is not an IP address or CIDR range (e.g. 127.0.0.1 or 10.0.0.0/8).`);
  return value;
}

/** An http(s) URL, checked. */
export function httpUrl(value: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new InvalidArgumentError(`"${value}" is not an http(s) URL.`);
  return value;
}
