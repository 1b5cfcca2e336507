import type { SignableParams } from './canonical-types.js';

/**
 * Deepest nesting of objects and arrays accepted in a body, the body itself being level 1.
 * The platform's parameters are flat strings (`templateParam` is JSON *text*), so 32 leaves
 * room for any honest payload, while a body nested thousands deep — cheap to send, and fatal
 * to every recursive walker such as `JSON.stringify` — is refused before anything walks it.
 */
export const MAX_BODY_DEPTH = 32;

/** What {@link signableParams} makes of a parsed body. */
export type SignableParamsResult =
  | {
      /** The body is a usable parameter object. */
      ok: true;
      /** The body, as signable parameters. */
      params: SignableParams;
    }
  | {
      /** The body is refused. */
      ok: false;
      /** Why, for the caller (code 40004). */
      reason: string;
    };

type Finding = 'proto' | 'deep' | undefined;

/**
 * Walks a parsed JSON value without recursion (a hostile body cannot exhaust the stack) and
 * reports the first `__proto__` key, or nesting past `maxDepth`. Arrays are walked by index,
 * so a push of thousands of items costs no key list.
 */
function inspect(value: unknown, options: { maxDepth: number; findProto: boolean }): Finding {
  const { maxDepth, findProto } = options;
  if (typeof value !== 'object' || value === null) return undefined;
  const stack: object[] = [value];
  const depths: number[] = [1];
  while (stack.length > 0) {
    const node = stack.pop() as object;
    const depth = depths.pop() as number;
    if (depth > maxDepth) return 'deep';
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const child: unknown = node[i];
        if (typeof child === 'object' && child !== null) {
          stack.push(child);
          depths.push(depth + 1);
        }
      }
      continue;
    }
    const keys = Object.keys(node);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      if (findProto && key === '__proto__') return 'proto';
      const child = (node as Record<string, unknown>)[key];
      if (typeof child === 'object' && child !== null) {
        stack.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return undefined;
}

/**
 * True when a parsed JSON value holds a `__proto__` key at any depth. `JSON.parse` keeps such a
 * key as an own property, and it turns into a prototype switch the moment user code spreads or
 * merges the body; some body parsers refuse it and others do not, so every body smskit's
 * server side accepts goes through {@link signableParams}, which checks this.
 */
export function hasPrototypeKey(value: unknown): boolean {
  return inspect(value, { maxDepth: Number.POSITIVE_INFINITY, findProto: true }) === 'proto';
}

/**
 * The one gate between a parsed request body and anything that signs, verifies or handles it,
 * shared by `@smskit/koa`, `@smskit/nestjs`, the push inbox and the sandbox: the body must be
 * a JSON object (an absent or empty body counts as `{}`), hold no `__proto__` key at any depth,
 * and nest at most {@link MAX_BODY_DEPTH} levels. A refusal is the caller's mistake (40004).
 */
export function signableParams(body: unknown): SignableParamsResult {
  // `null` is the JSON text "null", not an absent body: refused like any non-object
  if (body === undefined || body === '') return { ok: true, params: {} };
  if (typeof body !== 'object' || body === null || Array.isArray(body) || (typeof Buffer !== 'undefined' && Buffer.isBuffer(body))) {
    return { ok: false, reason: 'The body must be a JSON object of parameters.' };
  }
  const finding = inspect(body, { maxDepth: MAX_BODY_DEPTH, findProto: true });
  if (finding === 'proto') return { ok: false, reason: 'The body holds a "__proto__" key, which is refused.' };
  if (finding === 'deep') return { ok: false, reason: `The body is nested deeper than ${MAX_BODY_DEPTH} levels.` };
  return { ok: true, params: body as SignableParams };
}

/**
 * True when `value`, as one parameter of a body, would take the body past
 * {@link MAX_BODY_DEPTH}: checked before a structured value is stringified for signing.
 */
export function nestedTooDeep(value: unknown): boolean {
  return inspect(value, { maxDepth: MAX_BODY_DEPTH - 1, findProto: false }) === 'deep';
}

/**
 * The gate for a body that may be a JSON array as well as an object — the pushes of providers
 * that post an array of items, unsigned (Aliyun's `SmsReport`, Tencent's receipt callback):
 * no `__proto__` key at any depth, and at most {@link MAX_BODY_DEPTH} levels, checked without
 * recursion. Returns why the body is refused (for a 40004), or `undefined` when it may be read.
 */
export function jsonBodyFault(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || (typeof Buffer !== 'undefined' && Buffer.isBuffer(body))) return 'The body must be a JSON array or object.';
  const finding = inspect(body, { maxDepth: MAX_BODY_DEPTH, findProto: true });
  if (finding === 'proto') return 'The body holds a "__proto__" key, which is refused.';
  if (finding === 'deep') return `The body is nested deeper than ${MAX_BODY_DEPTH} levels.`;
  return undefined;
}
