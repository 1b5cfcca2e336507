import { timingSafeEqual } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import { CANONICAL_DIALECTS, canonicalString } from './canonical.js';
import { buildCanonical } from './canonical-build.js';
import { hmacDigest } from './hmac.js';
import { isSignMethod, SIGNATURE_HEX_LENGTH } from './sign-method.js';
const SKIP_EMPTY_ONLY = ['skip-empty'];
const SIGNED_HEADER_NAMES = ['x-api-key', 'x-sign-method', 'x-nonce', 'x-timestamp'];
const NONCE = /^\d{1,64}$/;
const TIMESTAMP = /^\d{13}$/;
const HEX = /^[0-9a-fA-F]+$/;
function header(headers, name) {
    let value = headers[name];
    if (value === undefined) {
        for (const key of Object.keys(headers)) {
            if (key.toLowerCase() === name) {
                value = headers[key];
                break;
            }
        }
    }
    if (Array.isArray(value))
        return undefined; // a repeated signed header is ambiguous
    return value;
}
function fail(check, code, reason) {
    return { ok: false, code, check, reason };
}
/**
 * Verifies a signed request as the platform does (SPEC §2), in this order: headers present
 * and well-formed (40004); a supported method (2001); a known apiKey (2001); the source IP
 * on the apiKey's allowlist, when one is set (2000); the timestamp within tolerance (2001);
 * the signature, in either dialect and hex in either case, compared in constant time (2001);
 * and only then the nonce not seen within the window (replay, 2001). A nonce is recorded only
 * after the signature checks out, so unsigned junk cannot fill the store.
 */
export async function verifyRequest(options) {
    const { headers } = options;
    const apiKey = header(headers, 'x-api-key');
    const methodName = header(headers, 'x-sign-method');
    const nonce = header(headers, 'x-nonce');
    const timestampText = header(headers, 'x-timestamp');
    const sign = header(headers, 'x-sign');
    let missing;
    if (!apiKey)
        (missing ??= []).push('x-api-key');
    if (!methodName)
        (missing ??= []).push('x-sign-method');
    if (!nonce)
        (missing ??= []).push('x-nonce');
    if (!timestampText)
        (missing ??= []).push('x-timestamp');
    if (!sign)
        (missing ??= []).push('x-sign');
    if (missing)
        return fail('headers', 40004, `Missing header${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}.`);
    if (!NONCE.test(nonce))
        return fail('headers', 40004, 'x-nonce must be 1–64 digits.');
    if (!TIMESTAMP.test(timestampText))
        return fail('headers', 40004, 'x-timestamp must be 13 digits of milliseconds since the epoch.');
    if (!HEX.test(sign))
        return fail('headers', 40004, 'x-sign must be a hex string.');
    for (const name of SIGNED_HEADER_NAMES) {
        if (Object.prototype.hasOwnProperty.call(options.body, name))
            return fail('headers', 40004, `The body parameter "${name}" has the name of a signed header.`);
    }
    if (!isSignMethod(methodName))
        return fail('method', 2001, `Unsupported x-sign-method "${String(methodName).slice(0, 32)}".`);
    const method = methodName;
    const credentials = typeof options.credentials === 'function'
        ? await options.credentials(apiKey)
        : Object.prototype.hasOwnProperty.call(options.credentials, apiKey)
            ? options.credentials[apiKey]
            : undefined;
    if (!credentials)
        return fail('api-key', 2001, 'Unknown x-api-key.');
    if (credentials.allowedIps && credentials.allowedIps.length > 0 && !ipAllowed(options.sourceIp, credentials.allowedIps)) {
        return fail('ip', 2000, `Source address ${options.sourceIp ?? '(unknown)'} is not on this apiKey's allowlist.`);
    }
    const now = (options.now ?? Date.now)();
    const timestamp = Number(timestampText);
    const tolerance = options.toleranceMs ?? 60_000;
    // A NaN tolerance or clock would make every comparison false: the clock check and, through
    // the nonce's time to live, replay protection would both switch off without a word.
    if (!Number.isFinite(tolerance) || tolerance < 0)
        throw new TypeError(`verifyRequest: toleranceMs must be a finite number ≥ 0, not ${String(options.toleranceMs)}.`);
    if (!Number.isFinite(now))
        throw new TypeError(`verifyRequest: now() must return milliseconds since the epoch, not ${String(now)}.`);
    if (Math.abs(now - timestamp) > tolerance) {
        const skew = Math.round((timestamp - now) / 1000);
        return fail('timestamp', 2001, `x-timestamp is ${Math.abs(skew)} s ${skew < 0 ? 'behind' : 'ahead of'} the server clock; at most ${tolerance / 1000} s is accepted.`);
    }
    const signed = {
        'x-api-key': apiKey,
        'x-sign-method': method,
        'x-nonce': nonce,
        'x-timestamp': timestampText,
    };
    const received = sign.toLowerCase();
    if (received.length !== SIGNATURE_HEX_LENGTH[method]) {
        const failure = fail('signature', 2001, `x-sign has ${received.length} hex digits; ${method} gives ${SIGNATURE_HEX_LENGTH[method]}. Is x-sign-method the method you signed with?`);
        failure.canonical = canonicalStrings(options.body, signed);
        return failure;
    }
    const receivedBytes = Buffer.from(received, 'hex');
    // The dialects differ only when a body value is empty; otherwise one canonical string and
    // one HMAC decide. Digests are compared as bytes, in constant time.
    const dialects = hasEmptyValue(options.body) ? CANONICAL_DIALECTS : SKIP_EMPTY_ONLY;
    let matched;
    for (const dialect of dialects) {
        const canonical = buildCanonical(options.body, signed, dialect);
        if (timingSafeEqual(hmacDigest(credentials.accessKey, canonical.segments, method), receivedBytes)) {
            matched = dialect;
            break;
        }
    }
    if (!matched) {
        const failure = fail('signature', 2001, 'x-sign does not match the request (checked both canonical dialects).');
        failure.canonical = canonicalStrings(options.body, signed);
        return failure;
    }
    if (options.nonceStore) {
        const fresh = await options.nonceStore.claim(`${apiKey}:${nonce}`, 2 * tolerance);
        if (!fresh)
            return fail('replay', 2001, 'x-nonce was already used within the validity window (replayed request).');
    }
    return { ok: true, apiKey: apiKey, method, nonce: nonce, timestamp, dialect: matched };
}
function hasEmptyValue(body) {
    for (const key in body) {
        if (!Object.prototype.hasOwnProperty.call(body, key))
            continue;
        const value = body[key];
        if (value === '' || value === null || value === undefined)
            return true;
    }
    return false;
}
function canonicalStrings(body, headers) {
    return {
        'skip-empty': canonicalString({ params: body, headers, dialect: 'skip-empty' }),
        'keep-empty': canonicalString({ params: body, headers, dialect: 'keep-empty' }),
    };
}
const allowlists = new WeakMap();
/**
 * True when `ip` is in `allowed` (addresses or CIDR ranges; IPv4-mapped IPv6 is unwrapped). A
 * malformed entry (`10.0.0.0/abc`, `/33`) matches nothing.
 */
export function ipAllowed(ip, allowed) {
    if (!ip)
        return false;
    const address = ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
    const family = isIP(address);
    if (family === 0)
        return false;
    let list = allowlists.get(allowed);
    if (!list) {
        list = new BlockList();
        for (const entry of allowed) {
            const [net, bits, extra] = entry.split('/');
            const netFamily = isIP(net ?? '');
            const prefix = Number(bits);
            // A malformed entry allows nothing (the list fails closed) rather than throwing on
            // every request.
            if (netFamily === 0 || extra !== undefined)
                continue;
            const type = netFamily === 4 ? 'ipv4' : 'ipv6';
            if (bits === undefined)
                list.addAddress(net, type);
            else if (/^\d{1,3}$/.test(bits) && prefix <= (netFamily === 4 ? 32 : 128))
                list.addSubnet(net, prefix, type);
        }
        allowlists.set(allowed, list);
    }
    return list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}
//# sourceMappingURL=verify.js.map