import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { answerPlatformError } from '@smskit/koa';
import type { Context, Next } from 'koa';

/** Methods that change the sandbox's state. */
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Host names, besides IPs and localhost names, the control endpoints answer for; `true`: any. */
export type AllowedHosts = readonly string[] | true;

/** What the guard reads of a request to a control endpoint. */
export interface ControlRequest {
  method: string;
  /** The `Host` header (`''` when absent). */
  host: string;
  /** The `Origin` header (`''` when absent). */
  origin: string;
  /** The `Sec-Fetch-Site` header (`''` when absent). */
  secFetchSite: string;
}

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
function hostAllowed(host: string, allowedHosts: AllowedHosts): boolean {
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
function crossOrigin(request: ControlRequest): string | undefined {
  const site = request.secFetchSite;
  if (site !== '' && site !== 'same-origin' && site !== 'none') return `Sec-Fetch-Site: ${site.slice(0, 40)}`;
  const origin = request.origin;
  if (origin === '') return undefined;
  let host: string | undefined;
  try {
    host = new URL(origin).host;
  } catch {
    host = undefined;
  }
  return host !== undefined && host.toLowerCase() === request.host.toLowerCase() ? undefined : `Origin ${origin.slice(0, 100)}`;
}

/**
 * Why a request to the control endpoints (`/_sandbox/*`) is refused, or `undefined` when it may
 * go on: a foreign `Host` (DNS rebinding), reads included, or a state-changing request sent by
 * a page of another origin (a web page the developer opens could otherwise inject replies, zero
 * balances or plant faults). The one check of every listener that has control endpoints.
 */
export function controlRefusal(request: ControlRequest, allowedHosts: AllowedHosts): string | undefined {
  if (!hostAllowed(request.host, allowedHosts)) {
    return `The sandbox's control endpoints answer only for localhost and IP addresses, not Host ${JSON.stringify(request.host.slice(0, 100))}; add it to allowedHosts (--allowed-host) if you mean it.`;
  }
  const foreign = UNSAFE.has(request.method.toUpperCase()) ? crossOrigin(request) : undefined;
  return foreign === undefined ? undefined : `Cross-origin request to the sandbox's control endpoints refused (${foreign}).`;
}

/** {@link controlRefusal} for a plain Node request (the provider listeners). */
export function nodeControlRefusal(req: IncomingMessage, allowedHosts: AllowedHosts): string | undefined {
  const header = (name: string) => {
    const value = req.headers[name];
    return typeof value === 'string' ? value : '';
  };
  return controlRefusal({ method: req.method ?? 'GET', host: header('host'), origin: header('origin'), secFetchSite: header('sec-fetch-site') }, allowedHosts);
}

/**
 * Guards `/_sandbox/*` of the Koa app with {@link controlRefusal}, answering 403 (40004). The
 * inbox page, served by the sandbox itself, is same-origin and unaffected.
 */
export function controlGuard(options: { allowedHosts: AllowedHosts }) {
  return function guardSandboxControl(ctx: Context, next: Next): Promise<void> | void {
    const refused = controlRefusal({ method: ctx.method, host: ctx.get('host'), origin: ctx.get('origin'), secFetchSite: ctx.get('sec-fetch-site') }, options.allowedHosts);
    if (refused !== undefined) {
      answerPlatformError(ctx, { code: 40004, status: 403, message: refused });
      return;
    }
    return next();
  };
}
