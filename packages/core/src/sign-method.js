/**
 * The six HMAC digests the platform accepts in `x-sign-method`, mapped to Node's
 * digest names.
 */
export const SIGN_METHODS = {
    HmacMD5: 'md5',
    HmacSHA1: 'sha1',
    HmacSHA224: 'sha224',
    HmacSHA256: 'sha256',
    HmacSHA384: 'sha384',
    HmacSHA512: 'sha512',
};
/** The method smskit signs with unless told otherwise (the manual's samples use it). */
export const DEFAULT_SIGN_METHOD = 'HmacSHA256';
/** Hex length of each method's signature, used to reject malformed `x-sign` early. */
export const SIGNATURE_HEX_LENGTH = {
    HmacMD5: 32,
    HmacSHA1: 40,
    HmacSHA224: 56,
    HmacSHA256: 64,
    HmacSHA384: 96,
    HmacSHA512: 128,
};
/** True when `value` names one of the six supported methods (case-sensitive, as the platform). */
export function isSignMethod(value) {
    return typeof value === 'string' && Object.prototype.hasOwnProperty.call(SIGN_METHODS, value);
}
//# sourceMappingURL=sign-method.js.map