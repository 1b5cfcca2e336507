import { isIP } from 'node:net';
import { answerPlatformError } from '@smskit/koa';
import type { Context, Next } from 'koa';

/** Methods that change the sandbox's state. */
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The hostname of a `Host` header (`[::1]:8787` → `::1`), lower-cased. */
function hostnameOf(host: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(host);
  if (bracketed) return (bracketed[1] as string).toLowerCase();
  return host.replace(/:\d+$/, '').toLowerCase();
}

/**
 * Whether a `Host` is one the sandbox answers its control endpoints for: an IP address,
 * `localhost` or a `*.localhost` name, or one of `allowedHosts`. A DNS-rebinding page reaches
 * 127.0.0.1 under its own domain name, which is none of these.
 */
function hostAllowed(host: string, allowedHosts: readonly string[] | true): boolean {
  if (allowedHosts === true) return true;
  const name = hostnameOf(host);
  if (name === '') return false;
  if (isIP(name) !== 0 || name === 'localhost' || name.endsWith('.localhost')) return true;
  return allowedHosts.some((allowed) => (allowed.startsWith('.') ? name.endsWith(allowed) || name === allowed.slice(1) : name === allowed.toLowerCase()));
}

/**
 * Whether a state-changing request comes from a page of another origin. Browsers name the
 * page in `Origin` (and `Sec-Fetch-Site`) on every cross-origin POST, even the "simple" ones a
 * form or a `text/plain` fetch may send without asking first; tools such as curl and test
 * clients send neither, and are let through.
 */
function crossOrigin(ctx: Context): string | undefined {
  const site = ctx.get('sec-fetch-site');
  if (site !== '' && site !== 'same-origin' && site !== 'none') return `Sec-Fetch-Site: ${site}`;
  const origin = ctx.get('origin');
  if (origin === '') return undefined;
  let host: string | undefined;
  try {
    host = new URL(origin).host;
  } catch {
    host = undefined;
  }
  return host !== undefined && host.toLowerCase() === ctx.get('host').toLowerCase() ? undefined : `Origin ${origin.slice(0, 100)}`;
}

/**
 * Guards `/_sandbox/*`: refuses any request whose `Host` is a foreign name (DNS rebinding) and
 * any state-changing request sent by a page of another origin (a web page the developer opens
 * could otherwise inject replies, zero balances or plant faults). The inbox page, served by
 * the sandbox itself, is same-origin and unaffected.
 */
export function controlGuard(options: { allowedHosts: readonly string[] | true }) {
  return function guardSandboxControl(ctx: Context, next: Next): Promise<void> | void {
    const host = ctx.get('host');
    if (!hostAllowed(host, options.allowedHosts)) {
      answerPlatformError(ctx, {
        code: 40004,
        status: 403,
        message: `The sandbox's control endpoints answer only for localhost and IP addresses, not Host ${JSON.stringify(host.slice(0, 100))}; add it to allowedHosts (--allowed-host) if you mean it.`,
      });
      return;
    }
    const foreign = UNSAFE.has(ctx.method) ? crossOrigin(ctx) : undefined;
    if (foreign !== undefined) {
      answerPlatformError(ctx, { code: 40004, status: 403, message: `Cross-origin request to the sandbox's control endpoints refused (${foreign}).` });
      return;
    }
    return next();
  };
}
