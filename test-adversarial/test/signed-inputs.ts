import { gzipSync, deflateSync, brotliCompressSync } from 'node:zlib';
import { nested, OFFICE, protoAt, rawSigned, signed, signedHeaders, validSend, withHeader, type Attempt, type Expectation, type Input } from './inputs.js';

const METHODS = ['HmacMD5', 'HmacSHA1', 'HmacSHA224', 'HmacSHA256', 'HmacSHA384', 'HmacSHA512'];

function input(name: string, expect: Expectation, build: () => Attempt, extra: Partial<Input> = {}): Input {
  return { name, expect, to: 'signed', build, ...extra };
}

/** A valid signed send with one header changed (or removed: undefined). */
function header(name: string, value: string | undefined): () => Attempt {
  return () => {
    const attempt = signed();
    return { ...attempt, headers: withHeader(attempt.headers, name, value) };
  };
}

/** A valid signed send whose body bytes go out compressed with `encoding`. */
function encoded(encoding: string, compress: (body: Buffer) => Buffer): () => Attempt {
  return () => {
    const attempt = signed();
    return { headers: [...attempt.headers, ['content-encoding', encoding]], body: compress(attempt.body) };
  };
}

/** A valid signed send with another content-type. */
function contentType(value: string | undefined, body?: (json: string) => Buffer): () => Attempt {
  return () => {
    const attempt = signed();
    return { headers: withHeader(attempt.headers, 'content-type', value), body: body ? body(attempt.body.toString()) : attempt.body };
  };
}

// 64 MiB of zeros, about 64 KB compressed: a bomb against anything that inflates without a limit
const ZEROS = Buffer.alloc(64 * 1024 * 1024);
const GZIP_BOMB = gzipSync(ZEROS, { level: 9 });
const DEFLATE_BOMB = deflateSync(ZEROS, { level: 9 });
const BIG_JSON = (bytes: number) => `{"phones":"13800138000","templateCode":"100003","pad":"${'x'.repeat(bytes)}"}`;
const manyKeys = (n: number) => `{${Array.from({ length: n }, (_, i) => `"k${i}":${i}`).join(',')}}`;
const now = () => Date.now();

/** Bad input of every kind for a signed endpoint (sandbox, Koa verifySignature, Nest guard). */
export const SIGNED_INPUTS: Input[] = [
  // every HMAC, right and wrong
  ...METHODS.map((method) => input(`valid ${method}`, 'accept', () => signed(validSend(), { method }))),
  ...METHODS.map((method) => input(`signed with ${method}, x-sign-method says another`, 'reject', () => {
    const attempt = signed(validSend(), { method });
    return { ...attempt, headers: withHeader(attempt.headers, 'x-sign-method', method === 'HmacSHA256' ? 'HmacSHA512' : 'HmacSHA256') };
  })),
  ...['hmacsha256', 'HMACSHA256', 'SHA256', 'HmacSHA3-256', 'HmacSHA256;', 'Hmac', '__proto__', 'constructor', 'toString'].map((value) => input(`x-sign-method ${value}`, 'reject', header('x-sign-method', value))),
  // nonces
  ...['', 'abc', '1'.repeat(65), '-1', '1.5', '¹²³', '0x1f', '1e10', '12 34'].map((value) => input(`x-nonce ${JSON.stringify(value.slice(0, 12))}`, 'reject', header('x-nonce', value))),
  input('x-nonce of one digit (the vendor samples send short ones)', 'accept', () => signed(validSend(), { nonce: String(Math.floor(Math.random() * 9) + 1) + String(Date.now() % 7) })),
  input('replayed request (same nonce and bytes twice)', 'accept', () => signed(), { replay: true }),
  // timestamps
  input('x-timestamp 61 s behind', 'reject', () => signed(validSend(), { timestamp: now() - 61_000 })),
  input('x-timestamp 61 s ahead', 'reject', () => signed(validSend(), { timestamp: now() + 61_000 })),
  input('x-timestamp 50 s behind (within the window)', 'accept', () => signed(validSend(), { timestamp: now() - 50_000 })),
  ...['', '0', '0000000000000', '9999999999999', '99999999999999999999', '-1618810991174', '1618810991.174', '1.6e12', String(Math.floor(Date.now() / 1000)), 'NaN', 'Infinity'].map((value) =>
    input(`x-timestamp ${JSON.stringify(value)}`, 'reject', header('x-timestamp', value)),
  ),
  // x-sign
  input('x-sign in upper-case hex', 'any', () => {
    const attempt = signed();
    const sign = attempt.headers.find(([name]) => name === 'x-sign')?.[1] ?? '';
    return { ...attempt, headers: withHeader(attempt.headers, 'x-sign', sign.toUpperCase()) };
  }),
  ...['', 'zz', '0'.repeat(63), '0'.repeat(64), '0'.repeat(10_000), 'g'.repeat(64)].map((value) => input(`x-sign ${value.length} chars ${value.slice(0, 2)}…`, 'reject', header('x-sign', value))),
  // headers: missing, spelled otherwise, repeated
  ...['x-api-key', 'x-sign-method', 'x-nonce', 'x-timestamp', 'x-sign'].map((name) => input(`no ${name}`, 'reject', header(name, undefined))),
  ...['x-api-key', 'x-sign-method', 'x-nonce', 'x-timestamp', 'x-sign'].map((name) =>
    input(`${name} spelled with underscores`, 'reject', () => {
      const attempt = signed();
      return { ...attempt, headers: attempt.headers.map(([key, value]) => [key === name ? key.replaceAll('-', '_') : key, value] as [string, string]) };
    }),
  ),
  input('header names in upper case', 'accept', () => {
    const attempt = signed();
    return { ...attempt, headers: attempt.headers.map(([key, value]) => [key.toUpperCase(), value] as [string, string]) };
  }),
  ...['x-api-key', 'x-sign-method', 'x-nonce', 'x-timestamp', 'x-sign'].map((name) =>
    input(`${name} twice`, 'reject', () => {
      const attempt = signed();
      const value = attempt.headers.find(([key]) => key === name)?.[1] ?? '';
      return { ...attempt, headers: [...attempt.headers, [name, value]] };
    }),
  ),
  input('unknown x-api-key', 'reject', header('x-api-key', 'nobody')),
  input('x-api-key __proto__', 'reject', header('x-api-key', '__proto__')),
  input('x-api-key constructor', 'reject', header('x-api-key', 'constructor')),
  input('body parameter named like a signed header', 'reject', () => signed({ ...validSend(), 'x-nonce': '1' })),
    // the caller writes every X-Forwarded-For entry but the one its proxy adds, on the right: a
  // 10.x entry left of a foreign one proves nothing, with or without one trusted proxy
  ...['10.1.2.3, 203.0.113.9', '10.1.2.3, 10.4.4.4, 127.0.0.1', 'unknown, 10.1.2.3, 203.0.113.9'].map((value) =>
    input(`allowlisted key from 127.0.0.1 claiming X-Forwarded-For: ${value}`, 'reject', () => {
      const body = validSend();
      return { headers: [...signedHeaders(body, OFFICE), ['x-forwarded-for', value]], body: Buffer.from(JSON.stringify(body)) };
    }),
  ),
  input('allowlisted key claiming X-Real-IP and Forwarded', 'reject', () => {
    const body = validSend();
    return { headers: [...signedHeaders(body, OFFICE), ['x-real-ip', '10.1.2.3'], ['forwarded', 'for=10.1.2.3'], ['x-forwarded-for', '10.1.2.3'], ['x-forwarded-for', '203.0.113.9']], body: Buffer.from(JSON.stringify(body)) };
  }),
  // body shapes
  // an empty body is no parameters, as for the balance query: the headers alone are signed
  input('empty body, signed over no parameters', 'any', () => rawSigned('')),
  ...[' ', 'null', 'true', '1', '"text"', '[]', '[{"phones":"13800138000"}]', '{', '{"a":}', '{"a":1,}', "{'a':1}", 'NaN', '\u0000', '{"a":1}{"b":2}'].map((text) =>
    input(`body ${JSON.stringify(text)}`, 'reject', () => rawSigned(text)),
  ),
  input('body of invalid UTF-8 bytes', 'reject', () => rawSigned(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]))),
  input('body with a byte-order mark', 'any', () => {
    const attempt = signed();
    return { ...attempt, body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), attempt.body]) };
  }),
  input('duplicate keys, signed over the last', 'any', () => rawSigned('{"phones":"1","phones":"13800138000","templateCode":"100003"}', { phones: '13800138000', templateCode: '100003' })),
  input('number beyond 2^53', 'any', () => rawSigned('{"templateCode":"100003","phones":"13800138000","n":12345678901234567890123}', { templateCode: '100003', phones: '13800138000', n: Number('12345678901234567890123') })),
  input('number 1e400', 'any', () => rawSigned('{"n":1e400}', { n: Infinity })),
  input('lone surrogate in a string', 'any', () => rawSigned('{"phones":"\\ud800","templateCode":"100003"}', { phones: '\ud800', templateCode: '100003' })),
  input('20,000 keys', 'any', () => rawSigned(manyKeys(20_000), JSON.parse(manyKeys(20_000)) as Record<string, unknown>)),
  input('900 KB string', 'any', () => rawSigned(BIG_JSON(900_000), JSON.parse(BIG_JSON(900_000)) as Record<string, unknown>)),
  input('3 MB string (past every body limit)', 'reject', () => rawSigned(BIG_JSON(3_000_000), { phones: '13800138000' })),
  // nesting
  input('objects nested 20 deep', 'any', () => rawSigned(nested(20, 'object'), JSON.parse(nested(20, 'object')) as Record<string, unknown>)),
  // signed right: a parameter's canonical value is its compact JSON, which is the text itself
  // (signing the parsed value would recurse as deep as the body)
  ...[40, 1000, 5000].map((depth) => input(`objects nested ${depth} deep, signed`, 'reject', () => rawSigned(`{"a":${nested(depth - 1, 'object')}}`, { a: nested(depth - 1, 'object') }))),
  ...[5000, 100_000].map((depth) => input(`arrays nested ${depth} deep in a field, signed`, 'reject', () => rawSigned(`{"a":${nested(depth, 'array')}}`, { a: nested(depth, 'array') }))),
  input('objects nested 5000 deep, any signature', 'reject', () => rawSigned(nested(5000, 'object'))),
  // __proto__ at any depth, signed by someone who knows the key
  ...[0, 1, 2, 10, 31, 33, 40].map((depth) => input(`__proto__ at depth ${depth}, signed`, 'reject', () => {
    const text = protoAt(depth, depth === 0 ? '"phones":"13800138000","templateCode":"100003",' : '');
    return rawSigned(text, JSON.parse(text) as Record<string, unknown>);
  })),
  input('__proto__ inside an array item, signed', 'reject', () => rawSigned('{"a":[1,{"__proto__":{"x":1}}]}', JSON.parse('{"a":[1,{"__proto__":{"x":1}}]}') as Record<string, unknown>)),
  input('__proto__ spelled with a JSON escape, signed', 'reject', () => rawSigned('{"\\u005f_proto__":{"x":1}}', JSON.parse('{"\\u005f_proto__":{"x":1}}') as Record<string, unknown>)),
  input('"__proto__": null, signed', 'reject', () => rawSigned('{"__proto__":null}', JSON.parse('{"__proto__":null}') as Record<string, unknown>)),
  input('constructor.prototype, signed', 'any', () => rawSigned('{"constructor":{"prototype":{"x":1}}}', { constructor: { prototype: { x: 1 } } })),
  // encodings and bombs
  input('gzip, valid', 'any', encoded('gzip', (body) => gzipSync(body))),
  input('deflate, valid', 'any', encoded('deflate', (body) => deflateSync(body))),
  input('br, valid', 'any', encoded('br', (body) => brotliCompressSync(body))),
  input('gzip twice, named once', 'reject', encoded('gzip', (body) => gzipSync(gzipSync(body)))),
  // a Content-Encoding over plain bytes: Koa and Express refuse it (415/400), Fastify decodes no
  // body and reads the bytes as sent; either is safe, as the signature covers what was read
  input('content-encoding gzip over plain bytes', 'any', encoded('gzip', (body) => body)),
  input('truncated gzip', 'reject', encoded('gzip', (body) => gzipSync(body).subarray(0, 12))),
  input('content-encoding compress', 'any', encoded('compress', (body) => body)),
  input('content-encoding x-unknown', 'any', encoded('x-unknown', (body) => body)),
  input('gzip bomb (64 MiB of zeros)', 'reject', () => ({ headers: [...signedHeaders({}), ['content-encoding', 'gzip']], body: GZIP_BOMB })),
  input('deflate bomb (64 MiB of zeros)', 'reject', () => ({ headers: [...signedHeaders({}), ['content-encoding', 'deflate']], body: DEFLATE_BOMB })),
  // content types and charsets
  input('no content-type', 'any', contentType(undefined)),
  input('text/plain', 'any', contentType('text/plain')),
  input('form-urlencoded', 'any', contentType('application/x-www-form-urlencoded', () => Buffer.from('phones=13800138000&templateCode=100003'))),
  input('multipart/form-data', 'any', contentType('multipart/form-data; boundary=x', () => Buffer.from('--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n'))),
  input('charset=utf-16le with UTF-16 bytes', 'any', contentType('application/json; charset=utf-16le', (json) => Buffer.from(json, 'utf16le'))),
  input('charset=latin1', 'any', contentType('application/json; charset=latin1')),
  input('charset=utf-7', 'any', contentType('application/json; charset=utf-7')),
  input('charset=no-such-charset', 'any', contentType('application/json; charset=no-such-charset')),
  input('content-type with 2 KB of parameters', 'any', contentType(`application/json; ${'p=1; '.repeat(400)}charset=utf-8`)),
  // framing (a Content-Length that disagrees with the body is Node's HTTP parser's business, not the app's)
  input('chunked transfer-encoding', 'any', () => {
    const attempt = signed();
    // node frames the body in chunks itself once the header says so
    return { ...attempt, headers: [...attempt.headers, ['transfer-encoding', 'chunked']] };
  }),
];
