import { type SignMethod } from './sign-method.js';
/** Lowercase hex HMAC of the segments (concatenated) under the secret. */
export declare function hmacHex(accessKey: string, segments: readonly string[], method: SignMethod): string;
/** The raw HMAC digest, for comparing with a received signature without re-encoding it. */
export declare function hmacDigest(accessKey: string, segments: readonly string[], method: SignMethod): Buffer;
