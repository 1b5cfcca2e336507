import { buildCanonical } from './canonical-build.js';
import { hmacHex } from './hmac.js';
import { SmsError } from './errors.js';
import { generateNonce } from './nonce.js';
import { DEFAULT_SIGN_METHOD, isSignMethod, SIGN_METHODS } from './sign-method.js';
/**
 * Lowercase hex HMAC of `canonical` under `accessKey`, both as UTF-8, with the digest that
 * `method` names.
 */
export function computeSignature(options) {
    return hmacHex(options.accessKey, [options.canonical], options.method ?? DEFAULT_SIGN_METHOD);
}
const DIGITS = /^\d+$/;
/**
 * Signs a request as SPEC §2 defines: a fresh nonce and a 13-digit millisecond timestamp,
 * the canonical string over body and headers, and its HMAC.
 *
 * @throws {@link SmsError} (40004) for an empty apiKey or accessKey, an unsupported method,
 *   or a nonce or timestamp that the platform would reject.
 */
export function signRequest(options) {
    const method = options.method ?? DEFAULT_SIGN_METHOD;
    if (!isSignMethod(method)) {
        throw new SmsError({
            code: 40004,
            message: `Unsupported sign method "${String(method)}".`,
            hint: `Use one of ${Object.keys(SIGN_METHODS).join(', ')}.`,
        });
    }
    if (!options.apiKey)
        throw new SmsError({ code: 40004, message: 'apiKey is empty.', hint: 'Pass the apiKey shown in the console under 接口配置 → 接口信息.' });
    if (!options.accessKey)
        throw new SmsError({ code: 40004, message: 'accessKey is empty.', hint: 'Pass the accessKey shown in the console under 接口配置 → 接口信息.' });
    const nonce = options.nonce ?? generateNonce();
    if (options.nonce !== undefined && !DIGITS.test(nonce)) {
        throw new SmsError({ code: 40004, message: 'x-nonce must be digits only.', hint: 'Leave nonce out to get a fresh 15-digit one.' });
    }
    const ms = options.timestamp ?? (options.now ?? Date.now)();
    if (!Number.isInteger(ms) || ms < 1e12 || ms >= 1e13) {
        throw new SmsError({ code: 40004, message: `x-timestamp "${ms}" is not 13 digits of milliseconds.`, hint: 'Use milliseconds since the epoch (Date.now()), not seconds.' });
    }
    const timestamp = String(ms);
    const signed = {
        'x-api-key': options.apiKey,
        'x-sign-method': method,
        'x-nonce': nonce,
        'x-timestamp': timestamp,
    };
    const canonical = buildCanonical(options.body, signed, options.dialect ?? 'skip-empty');
    const sign = hmacHex(options.accessKey, canonical.segments, method);
    // Written out rather than spread: spreading an object with dashed keys costs more than a
    // third of the HMAC itself on Node 20.
    const headers = {
        'x-api-key': signed['x-api-key'],
        'x-sign-method': signed['x-sign-method'],
        'x-nonce': signed['x-nonce'],
        'x-timestamp': signed['x-timestamp'],
        'x-sign': sign,
    };
    return { headers, canonical: canonical.text, sign };
}
/**
 * Signed headers for a request body, for users' own tests of a server that verifies smskit
 * signatures (like stripe-node's `generateTestHeaderString`). Same as {@link signRequest},
 * returning only the headers, with `Content-Type` added.
 */
export function generateTestHeaders(options) {
    return { ...signRequest(options).headers, 'content-type': 'application/json' };
}
//# sourceMappingURL=sign.js.map