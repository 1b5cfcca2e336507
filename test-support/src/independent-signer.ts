import { createHmac } from 'node:crypto';

/**
 * Signs a request from the protocol text alone (SPEC §2), with node:crypto and no smskit code,
 * so the tests check the middleware against the protocol rather than against its own signer.
 */
export function independentlySigned(options: {
  apiKey: string;
  accessKey: string;
  body: Record<string, unknown>;
  method?: string;
  nonce?: string;
  timestamp?: number;
  keepEmpty?: boolean;
}): Record<string, string> {
  const method = options.method ?? 'HmacSHA256';
  const headers: Record<string, string> = {
    'x-api-key': options.apiKey,
    'x-sign-method': method,
    'x-nonce': options.nonce ?? String(1e15 + Math.floor(Math.random() * 8e15)),
    'x-timestamp': String(options.timestamp ?? Date.now()),
  };
  const pairs: string[][] = [];
  for (const [key, value] of Object.entries({ ...options.body, ...headers })) {
    const empty = value === '' || value === null || value === undefined;
    if (empty && !options.keepEmpty) continue;
    const text = typeof value === 'string' ? value : empty ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
    pairs.push([key, text]);
  }
  pairs.sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));
  const canonical = pairs.map(([k, v]) => `${k}=${v}`).join('&');
  const digest = { HmacMD5: 'md5', HmacSHA1: 'sha1', HmacSHA224: 'sha224', HmacSHA256: 'sha256', HmacSHA384: 'sha384', HmacSHA512: 'sha512' }[method] ?? 'sha256';
  const sign = createHmac(digest, Buffer.from(options.accessKey, 'utf8')).update(canonical, 'utf8').digest('hex');
  return { ...headers, 'x-sign': sign, 'content-type': 'application/json' };
}
