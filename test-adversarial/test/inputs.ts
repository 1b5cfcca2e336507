import { independentlySigned } from '@smskit/test-support';

/** What an input must get: accepted (code 200), refused (a 4xx with a code), or either. */
export type Expectation = 'accept' | 'reject' | 'any';

/** One request as sent: raw header pairs (repeats and spellings kept) and raw body bytes. */
export interface Attempt {
  headers: [string, string][];
  body: Buffer;
}

/** The accounts every target knows. OFFICE may call from 10.0.0.0/8 only. */
export const ACCOUNT = { apiKey: 'adversarial-api-key', accessKey: 'adversarial-access-key-不要外传' };
export const OFFICE = { apiKey: 'adversarial-office-key', accessKey: 'adversarial-office-secret' };

/** One bad (or good) input, built afresh per target: nonces and timestamps are per request. */
export interface Input {
  name: string;
  expect: Expectation;
  /** Where it goes: the signed endpoint, or one of the two push endpoints. */
  to: 'signed' | 'receipts' | 'replies';
  build(): Attempt;
  /** Sent twice with the same bytes: the second answer must refuse the replay. */
  replay?: boolean;
}

let phone = 0;
/** A send the sandbox accepts (a fixed-text template), to a fresh number each time. */
export function validSend(): Record<string, unknown> {
  phone += 1;
  return { phones: `139${String(phone).padStart(8, '0')}`, templateCode: '100003' };
}

type SignOptions = Partial<Parameters<typeof independentlySigned>[0]>;

/** Header pairs signed by the protocol text alone (test-support), over `body`. */
export function signedHeaders(body: Record<string, unknown>, options: SignOptions = {}): [string, string][] {
  return Object.entries(independentlySigned({ ...ACCOUNT, body, ...options }));
}

/** A JSON body and valid signature headers over it. */
export function signed(body: Record<string, unknown> = validSend(), options: SignOptions = {}): Attempt {
  return { headers: signedHeaders(body, options), body: Buffer.from(JSON.stringify(body)) };
}

/** `headers` with `name` (any spelling) replaced by `value`, or removed when undefined. */
export function withHeader(headers: [string, string][], name: string, value: string | undefined): [string, string][] {
  const kept = headers.filter(([key]) => key.toLowerCase() !== name.toLowerCase());
  return value === undefined ? kept : [...kept, [name, value]];
}

/** Raw body text under headers signed over `signAs` (the parsed object, when the text is one). */
export function rawSigned(text: string | Buffer, signAs: Record<string, unknown> = {}): Attempt {
  return { headers: signedHeaders(signAs), body: typeof text === 'string' ? Buffer.from(text) : text };
}

/** JSON text nested `depth` levels: objects `{"a":…}` or arrays `[…]`. */
export function nested(depth: number, kind: 'object' | 'array', leaf = '1'): string {
  return kind === 'object' ? '{"a":'.repeat(depth) + leaf + '}'.repeat(depth) : '['.repeat(depth) + leaf + ']'.repeat(depth);
}

/** `{"a":{"a":…{"__proto__":{"polluted":1}}…}}` with the key at `depth` (0: top level). */
export function protoAt(depth: number, extra = ''): string {
  return '{"a":'.repeat(depth) + `{${extra}"__proto__":{"polluted":1}}` + '}'.repeat(depth);
}
