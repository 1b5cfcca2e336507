import { createHmac, createSecretKey } from 'node:crypto';
import { SIGN_METHODS } from './sign-method.js';
// The HMAC itself, shared by signing and verification; not part of the public API.
let cachedSecret;
let cachedKey;
/**
 * The secret as a KeyObject, kept for the last secret used: a service signs with one
 * accessKey, and re-encoding the key for every request costs about a tenth of a small HMAC.
 */
function secretKey(accessKey) {
    if (accessKey !== cachedSecret || cachedKey === undefined) {
        cachedKey = createSecretKey(Buffer.from(accessKey, 'utf8'));
        cachedSecret = accessKey;
    }
    return cachedKey;
}
function hmac(accessKey, segments, method) {
    const mac = createHmac(SIGN_METHODS[method], secretKey(accessKey));
    for (let i = 0; i < segments.length; i++)
        mac.update(segments[i], 'utf8');
    return mac;
}
/** Lowercase hex HMAC of the segments (concatenated) under the secret. */
export function hmacHex(accessKey, segments, method) {
    return hmac(accessKey, segments, method).digest('hex');
}
/** The raw HMAC digest, for comparing with a received signature without re-encoding it. */
export function hmacDigest(accessKey, segments, method) {
    return hmac(accessKey, segments, method).digest();
}
//# sourceMappingURL=hmac.js.map