import { timingSafeEqual } from 'node:crypto';
import { canonicalString } from './canonical.js';
import { buildCanonical } from './canonical-build.js';
import { CANONICAL_DIALECTS, type CanonicalDialect, type SignableParams } from './canonical-types.js';
import { hmacDigest } from './hmac.js';
import { ipAllowed } from './ip-allowlist.js';
import { signableParams } from './signable-params.js';
import { isSignMethod, SIGNATURE_HEX_LENGTH, type SignMethod } from './sign-method.js';
import { MemoryNonceStore, type NonceStore } from './stores.js';
import { observedVerification } from './verify-telemetry.js';

/** What the verifier knows of one apiKey. */
export interface ApiCredentials {
  /** The secret the apiKey's requests are signed with. */
  accessKey: string;
  /**
   * Source addresses allowed to call with this apiKey: IPv4/IPv6 addresses or CIDR ranges
   * (`10.0.0.0/8`). Empty or absent: any address.
   */
  allowedIps?: readonly string[];
}

/** Looks up the credentials of an apiKey; `undefined` for an unknown key. */
export type CredentialsResolver = (
  apiKey: string,
) => ApiCredentials | undefined | Promise<ApiCredentials | undefined>;

/** Headers as Node gives them (lower-case names; a value may be an array when repeated). */
export type IncomingHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * Accepted clock skew of a signed request in either direction, in ms, unless configured: the
 * platform's own window (SPEC §2). Declared once; every verifier and adapter defaults to it.
 */
export const DEFAULT_TOLERANCE_MS = 60_000;

/** One request as it arrived: what every verification reads. */
export interface SignedRequestInput {
  /** The request headers. Names are matched case-insensitively. */
  headers: IncomingHeaders;
  /**
   * The parsed JSON body as the framework's parser left it (`undefined` or `''` for an empty
   * body). It must pass {@link signableParams}: an object, no `__proto__`, bounded depth.
   */
  body: unknown;
  /** The caller's IP address, checked against `allowedIps`. */
  sourceIp?: string;
}

/** What {@link verifyRequest} checks. */
export interface VerifyRequestOptions extends SignedRequestInput {
  /** The apiKey → credentials table, or a function that looks a key up. */
  credentials: Readonly<Record<string, ApiCredentials>> | CredentialsResolver;
  /** Where seen nonces are remembered; without one, replays are not detected. */
  nonceStore?: NonceStore;
  /** Accepted clock skew in either direction, in ms. @defaultValue {@link DEFAULT_TOLERANCE_MS} */
  toleranceMs?: number;
  /** The server clock, in ms. @defaultValue `Date.now` */
  now?: () => number;
}

/** The check a request failed, in the order they run. */
export type VerifyCheck = 'body' | 'headers' | 'method' | 'api-key' | 'ip' | 'timestamp' | 'signature' | 'replay';

/** A request that passed every check. */
export interface VerifySuccess {
  /** Always `true`. */
  ok: true;
  /** The caller's apiKey. */
  apiKey: string;
  /** The method the request was signed with. */
  method: SignMethod;
  /** The request's nonce. */
  nonce: string;
  /** The request's timestamp, in ms. */
  timestamp: number;
  /** The dialect whose canonical string matched. */
  dialect: CanonicalDialect;
}

/** A request that failed a check, with the platform code to answer and a reason. */
export interface VerifyFailure {
  /** Always `false`. */
  ok: false;
  /** 40004 (malformed body or headers), 2000 (IP) or 2001 (everything else). */
  code: 40004 | 2000 | 2001;
  /**
   * The HTTP status to answer, when not the catalogue's for the code: set by adapters that
   * read the body themselves (413 for a body past the limit, 415 for an unknown encoding).
   */
  status?: number;
  /** Which check failed. */
  check: VerifyCheck;
  /** What is wrong, for a developer; never contains the accessKey. */
  reason: string;
  /**
   * On a bad signature: the canonical string of each dialect as this server built it, so the
   * caller can compare it with what their code signed.
   */
  canonical?: Record<CanonicalDialect, string>;
}

/** The answer of {@link verifyRequest}. */
export type VerifyResult = VerifySuccess | VerifyFailure;

const SKIP_EMPTY_ONLY: readonly CanonicalDialect[] = ['skip-empty'];
const SIGNED_HEADER_NAMES = ['x-api-key', 'x-sign-method', 'x-nonce', 'x-timestamp'] as const;
const NONCE = /^\d{1,64}$/;
const TIMESTAMP = /^\d{13}$/;
const HEX = /^[0-9a-fA-F]+$/;

function header(headers: IncomingHeaders, name: string): string | undefined {
  let value = headers[name];
  if (value === undefined) {
    for (const key of Object.keys(headers)) {
      if (key.toLowerCase() === name) {
        value = headers[key];
        break;
      }
    }
  }
  if (Array.isArray(value)) return undefined; // a repeated signed header is ambiguous
  return value as string | undefined;
}

function fail(check: VerifyCheck, code: VerifyFailure['code'], reason: string): VerifyFailure {
  return { ok: false, code, check, reason };
}

/**
 * A verifier's settings, checked once.
 * @internal
 */
export interface VerifierConfig {
  /** The apiKey → credentials table or resolver. */
  credentials: VerifyRequestOptions['credentials'];
  /** Where nonces are claimed; none: replays are not detected. */
  nonceStore: NonceStore | undefined;
  /** Accepted skew, ms, already checked. */
  toleranceMs: number;
  /** The server clock. */
  now: () => number;
}

/**
 * Checks a tolerance once, so that a NaN never switches the clock and replay checks off.
 * @internal
 */
export function checkedTolerance(toleranceMs: number | undefined): number {
  const tolerance = toleranceMs ?? DEFAULT_TOLERANCE_MS;
  // A NaN tolerance would make every comparison false: the clock check and, through the
  // nonce's time to live, replay protection would both switch off without a word.
  if (!Number.isFinite(tolerance) || tolerance < 0) throw new TypeError(`toleranceMs must be a finite number ≥ 0, not ${String(toleranceMs)}.`);
  return tolerance;
}

/**
 * Verifies a signed request as the platform does (SPEC §2), in this order: the body a JSON
 * object without `__proto__` keys and at most {@link MAX_BODY_DEPTH} levels deep (40004);
 * headers present and well-formed (40004); a supported method (2001); a known apiKey (2001); the source IP
 * on the apiKey's allowlist, when one is set (2000); the timestamp within tolerance (2001);
 * the signature, in either dialect and hex in either case, compared in constant time (2001);
 * and only then the nonce not seen within the window (replay, 2001). A nonce is recorded only
 * after the signature checks out, so unsigned junk cannot fill the store.
 */
export async function verifyRequest(options: VerifyRequestOptions): Promise<VerifyResult> {
  const config: VerifierConfig = { credentials: options.credentials, nonceStore: options.nonceStore, toleranceMs: checkedTolerance(options.toleranceMs), now: options.now ?? Date.now };
  return verifySigned(options, config);
}

/**
 * The checks of {@link verifyRequest} with settings already validated: shared by it and
 * {@link SignatureVerifier}.
 * @internal
 */
export function verifySigned(request: SignedRequestInput, config: VerifierConfig): Promise<VerifyResult> {
  return observedVerification(() => runChecks(request, config));
}

async function runChecks(request: SignedRequestInput, config: VerifierConfig): Promise<VerifyResult> {
  const gate = signableParams(request.body);
  if (!gate.ok) return fail('body', 40004, gate.reason);
  const body = gate.params;
  const { headers } = request;
  const apiKey = header(headers, 'x-api-key');
  const methodName = header(headers, 'x-sign-method');
  const nonce = header(headers, 'x-nonce');
  const timestampText = header(headers, 'x-timestamp');
  const sign = header(headers, 'x-sign');
  let missing: string[] | undefined;
  if (!apiKey) (missing ??= []).push('x-api-key');
  if (!methodName) (missing ??= []).push('x-sign-method');
  if (!nonce) (missing ??= []).push('x-nonce');
  if (!timestampText) (missing ??= []).push('x-timestamp');
  if (!sign) (missing ??= []).push('x-sign');
  if (missing) return fail('headers', 40004, `Missing header${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}.`);
  if (!NONCE.test(nonce as string)) return fail('headers', 40004, 'x-nonce must be 1–64 digits.');
  if (!TIMESTAMP.test(timestampText as string)) return fail('headers', 40004, 'x-timestamp must be 13 digits of milliseconds since the epoch.');
  if (!HEX.test(sign as string)) return fail('headers', 40004, 'x-sign must be a hex string.');
  for (const name of SIGNED_HEADER_NAMES) {
    if (Object.prototype.hasOwnProperty.call(body, name)) return fail('headers', 40004, `The body parameter "${name}" has the name of a signed header.`);
  }
  if (!isSignMethod(methodName)) return fail('method', 2001, `Unsupported x-sign-method "${String(methodName).slice(0, 32)}".`);
  const method = methodName;

  const table = config.credentials;
  const credentials =
    typeof table === 'function'
      ? await table(apiKey as string)
      : Object.prototype.hasOwnProperty.call(table, apiKey as string)
        ? table[apiKey as string]
        : undefined;
  if (!credentials) return fail('api-key', 2001, 'Unknown x-api-key.');

  if (credentials.allowedIps && credentials.allowedIps.length > 0 && !ipAllowed(request.sourceIp, credentials.allowedIps)) {
    return fail('ip', 2000, `Source address ${request.sourceIp ?? '(unknown)'} is not on this apiKey's allowlist.`);
  }

  const now = config.now();
  const timestamp = Number(timestampText);
  const tolerance = config.toleranceMs;
  // A NaN clock would make every comparison false, as a NaN tolerance would (checkedTolerance).
  if (!Number.isFinite(now)) throw new TypeError(`verifyRequest: now() must return milliseconds since the epoch, not ${String(now)}.`);
  if (Math.abs(now - timestamp) > tolerance) {
    const skew = Math.round((timestamp - now) / 1000);
    return fail('timestamp', 2001, `x-timestamp is ${Math.abs(skew)} s ${skew < 0 ? 'behind' : 'ahead of'} the server clock; at most ${tolerance / 1000} s is accepted.`);
  }

  const signed = {
    'x-api-key': apiKey as string,
    'x-sign-method': method,
    'x-nonce': nonce as string,
    'x-timestamp': timestampText as string,
  };
  const received = (sign as string).toLowerCase();
  if (received.length !== SIGNATURE_HEX_LENGTH[method]) {
    const failure = fail('signature', 2001, `x-sign has ${received.length} hex digits; ${method} gives ${SIGNATURE_HEX_LENGTH[method]}. Is x-sign-method the method you signed with?`);
    failure.canonical = canonicalStrings(body, signed);
    return failure;
  }
  const receivedBytes = Buffer.from(received, 'hex');
  // The dialects differ only when a body value is empty; otherwise one canonical string and
  // one HMAC decide. Digests are compared as bytes, in constant time.
  const dialects = hasEmptyValue(body) ? CANONICAL_DIALECTS : SKIP_EMPTY_ONLY;
  let matched: CanonicalDialect | undefined;
  for (const dialect of dialects) {
    const canonical = buildCanonical(body, signed, dialect);
    if (timingSafeEqual(hmacDigest(credentials.accessKey, canonical.segments, method), receivedBytes)) {
      matched = dialect;
      break;
    }
  }
  if (!matched) {
    const failure = fail('signature', 2001, 'x-sign does not match the request (checked both canonical dialects).');
    failure.canonical = canonicalStrings(body, signed);
    return failure;
  }

  const store = config.nonceStore;
  if (store) {
    // the in-process store answers at once: no promise, no extra turn of the event loop
    const key = `${apiKey}:${nonce}`;
    const fresh = store instanceof MemoryNonceStore ? store.claimSync(key, 2 * tolerance) : await store.claim(key, 2 * tolerance);
    if (!fresh) return fail('replay', 2001, 'x-nonce was already used within the validity window (replayed request).');
  }
  return { ok: true, apiKey: apiKey as string, method, nonce: nonce as string, timestamp, dialect: matched };
}

function hasEmptyValue(body: SignableParams): boolean {
  for (const key in body) {
    if (!Object.prototype.hasOwnProperty.call(body, key)) continue;
    const value = body[key];
    if (value === '' || value === null || value === undefined) return true;
  }
  return false;
}

function canonicalStrings(body: SignableParams, headers: Parameters<typeof canonicalString>[0]['headers']): Record<CanonicalDialect, string> {
  return {
    'skip-empty': canonicalString({ params: body, headers, dialect: 'skip-empty' }),
    'keep-empty': canonicalString({ params: body, headers, dialect: 'keep-empty' }),
  };
}
