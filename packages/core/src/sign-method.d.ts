/**
 * The six HMAC digests the platform accepts in `x-sign-method`, mapped to Node's
 * digest names.
 */
export declare const SIGN_METHODS: {
    readonly HmacMD5: "md5";
    readonly HmacSHA1: "sha1";
    readonly HmacSHA224: "sha224";
    readonly HmacSHA256: "sha256";
    readonly HmacSHA384: "sha384";
    readonly HmacSHA512: "sha512";
};
/** A value of the `x-sign-method` header. */
export type SignMethod = keyof typeof SIGN_METHODS;
/** The method smskit signs with unless told otherwise (the manual's samples use it). */
export declare const DEFAULT_SIGN_METHOD: SignMethod;
/** Hex length of each method's signature, used to reject malformed `x-sign` early. */
export declare const SIGNATURE_HEX_LENGTH: Record<SignMethod, number>;
/** True when `value` names one of the six supported methods (case-sensitive, as the platform). */
export declare function isSignMethod(value: unknown): value is SignMethod;
