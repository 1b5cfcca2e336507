import { AliyunError, parseAcs3Authorization, sha256Hex, verifyAcs3, verifyRpc } from '@smskit/aliyun';

/** A request to the Aliyun listener, read but not yet trusted. */
export interface AliyunIncoming {
  /** The HTTP method. */
  method: string;
  /** The path. */
  path: string;
  /** Query and form parameters, decoded (query first, the form body's override). */
  params: Record<string, string>;
  /** Only the query's parameters (V3 signs these; a form body is covered by the content hash). */
  query: Record<string, string>;
  /** Headers, names lowercase. */
  headers: Record<string, string>;
  /** The raw body. */
  body: Buffer;
}

/** Who called and what: the result of a request that passed every check. */
export interface AliyunCaller {
  /** The action (`SendSms`). */
  action: string;
  /** The action's own parameters. */
  params: Record<string, string>;
}

/** What the checks need from the sandbox. */
export interface AuthenticateContext {
  /** AccessKey id → secret. */
  secrets: ReadonlyMap<string, string>;
  /** The clock, ms. */
  now: number;
  /** Allowed skew, ms. */
  toleranceMs: number;
  /** Records a nonce; false when it was seen within the tolerance window. */
  useNonce(nonce: string): boolean;
}

// Parameters of the RPC signature itself, not of the action.
const COMMON = new Set(['Action', 'Version', 'Format', 'AccessKeyId', 'Signature', 'SignatureMethod', 'SignatureVersion', 'SignatureNonce', 'SignatureType', 'Timestamp', 'RegionId', 'SecurityToken']);

function gateway(code: string, message?: string): AliyunError {
  return new AliyunError({ code, ...(message === undefined ? {} : { message }) });
}

function checkTime(value: string | undefined, ctx: AuthenticateContext): void {
  if (value === undefined) throw gateway('MissingParameter', 'Timestamp (or x-acs-date) is mandatory for this action.');
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(value) || Number.isNaN(Date.parse(value))) throw gateway('InvalidTimeStamp.Format', `Specified time stamp or date value is not well formatted: ${value}.`);
  if (Math.abs(Date.parse(value) - ctx.now) > ctx.toleranceMs) throw gateway('InvalidTimeStamp.Expired', `Specified time stamp or date value is expired: ${value}.`);
}

function secretOf(accessKeyId: string | undefined, ctx: AuthenticateContext): string {
  const secret = accessKeyId === undefined ? undefined : ctx.secrets.get(accessKeyId);
  if (secret === undefined) throw gateway('InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
  return secret;
}

function mismatch(stringToSign: string): AliyunError {
  return gateway('SignatureDoesNotMatch', `Specified signature is not matched with our calculation. server string to sign is:${stringToSign}`);
}

/**
 * Checks a request as dysmsapi's gateway does, with `@smskit/aliyun`'s own verifiers: the
 * AccessKey, the time (15 minutes either way), the signature (V1 or V3) and then the nonce —
 * after the signature, so a forged request cannot burn a real client's nonce.
 * Throws an {@link AliyunError} with the gateway's code.
 */
export function authenticate(request: AliyunIncoming, ctx: AuthenticateContext): AliyunCaller {
  const authorization = request.headers.authorization;
  if (authorization !== undefined && authorization.startsWith('ACS3-')) {
    const parsed = parseAcs3Authorization(authorization);
    if (!parsed || !parsed.signedHeaders.includes('host')) throw gateway('IncompleteSignature');
    const secret = secretOf(parsed.accessKeyId, ctx);
    checkTime(request.headers['x-acs-date'], ctx);
    const check = verifyAcs3({ method: request.method, pathname: request.path, query: request.query, headers: request.headers, authorization: parsed, accessKeySecret: secret });
    if (!check.ok) throw mismatch(check.stringToSign);
    if (request.headers['x-acs-content-sha256'] !== sha256Hex(request.body)) throw gateway('SignatureDoesNotMatch', 'x-acs-content-sha256 is not the SHA-256 of the body.');
    useNonce(request.headers['x-acs-signature-nonce'], ctx);
    const action = request.headers['x-acs-action'];
    if (!action) throw gateway('MissingParameter', 'x-acs-action is mandatory.');
    if (request.headers['x-acs-version'] !== '2017-05-25') throw gateway('InvalidVersion');
    return { action, params: request.params };
  }
  const { params } = request;
  if (params.Signature === undefined) throw gateway('IncompleteSignature', 'Neither an ACS3 Authorization header nor a Signature parameter was sent.');
  const secret = secretOf(params.AccessKeyId, ctx);
  checkTime(params.Timestamp, ctx);
  const check = verifyRpc({ method: request.method, params, accessKeySecret: secret });
  if (!check.ok) throw mismatch(check.stringToSign);
  useNonce(params.SignatureNonce, ctx);
  if (params.Version !== '2017-05-25') throw gateway('InvalidVersion');
  if (!params.Action) throw gateway('MissingParameter', 'Action is mandatory.');
  const own: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) if (!COMMON.has(key)) own[key] = value;
  return { action: params.Action, params: own };
}

function useNonce(nonce: string | undefined, ctx: AuthenticateContext): void {
  if (!nonce) throw gateway('MissingParameter', 'SignatureNonce is mandatory.');
  if (!ctx.useNonce(nonce)) throw gateway('SignatureNonceUsed');
}
