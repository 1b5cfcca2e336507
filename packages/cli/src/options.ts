import { isIP } from 'node:net';
import { InvalidArgumentError } from 'commander';
import { UsageError } from './io.js';

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

/** A commander parser refusing an empty value, naming the flag. */
export function nonEmpty(flag: string): (value: string) => string {
  return (value) => {
    if (value === '') throw new InvalidArgumentError(`${flag} may not be empty.`);
    return value;
  };
}

/** A commander parser for an http(s) URL; the message never repeats the value (a push URL may carry a token or a password). */
export function httpUrl(flag: string): (value: string) => string {
  return (value) => {
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new InvalidArgumentError(`${flag} takes an http(s) URL (http[s]://host[:port]/path).`);
    return value;
  };
}

/**
 * The parser of an option whose value may hold a secret: an access key, a password in a Redis
 * URL, a push URL's path token. commander quotes a value its parser refuses (`option '--queue
 * <url>' argument 'redis//u:password@host' is invalid`), which puts the secret on stderr and in
 * CI logs; through this wrapper the refusal is a usage error (exit 2) with the parser's own
 * message only, which names the flag and never the value.
 */
export function secretValue<T, P>(parse: (value: string, previous: P) => T): (value: string, previous: P) => T {
  return (value, previous) => {
    try {
      return parse(value, previous);
    } catch (error) {
      if (error instanceof InvalidArgumentError) throw new UsageError(value === '' ? error.message : `${error.message} The value is not shown: it may hold a secret.`);
      throw error;
    }
  };
}
