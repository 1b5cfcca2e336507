import { type CanonicalDialect, type SignableParams } from './canonical.js';
import { type SignMethod } from './sign-method.js';
import type { NonceStore } from './stores.js';
/** What the verifier knows of one apiKey. */
export interface ApiCredentials {
    /** The secret the apiKey's requests are signed with. */
    accessKey: string;
    /**
     * Source addresses allowed to call with this apiKey: IPv4/IPv6 addresses or CIDR ranges
     * (`10.0.0.0/8`). Empty or absent: any address.
     */
    allowedIps?: readonly string[];
}
/** Looks up the credentials of an apiKey; `undefined` for an unknown key. */
export type CredentialsResolver = (apiKey: string) => ApiCredentials | undefined | Promise<ApiCredentials | undefined>;
/** Headers as Node gives them (lower-case names; a value may be an array when repeated). */
export type IncomingHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;
/** What {@link verifyRequest} checks. */
export interface VerifyRequestOptions {
    /** The request headers. Names are matched case-insensitively. */
    headers: IncomingHeaders;
    /** The parsed JSON body's top-level parameters (`{}` for an empty body). */
    body: SignableParams;
    /** The apiKey → credentials table, or a function that looks a key up. */
    credentials: Readonly<Record<string, ApiCredentials>> | CredentialsResolver;
    /** The caller's IP address, checked against `allowedIps`. */
    sourceIp?: string;
    /** Where seen nonces are remembered; without one, replays are not detected. */
    nonceStore?: NonceStore;
    /** Accepted clock skew in either direction, in ms. @defaultValue 60_000 */
    toleranceMs?: number;
    /** The server clock, in ms. @defaultValue `Date.now` */
    now?: () => number;
}
/** The check a request failed, in the order they run. */
export type VerifyCheck = 'headers' | 'method' | 'api-key' | 'ip' | 'timestamp' | 'signature' | 'replay';
/** A request that passed every check. */
export interface VerifySuccess {
    /** Always `true`. */
    ok: true;
    /** The caller's apiKey. */
    apiKey: string;
    /** The method the request was signed with. */
    method: SignMethod;
    /** The request's nonce. */
    nonce: string;
    /** The request's timestamp, in ms. */
    timestamp: number;
    /** The dialect whose canonical string matched. */
    dialect: CanonicalDialect;
}
/** A request that failed a check, with the platform code to answer and a reason. */
export interface VerifyFailure {
    /** Always `false`. */
    ok: false;
    /** 40004 (malformed headers), 2000 (IP) or 2001 (everything else). */
    code: 40004 | 2000 | 2001;
    /** Which check failed. */
    check: VerifyCheck;
    /** What is wrong, for a developer; never contains the accessKey. */
    reason: string;
    /**
     * On a bad signature: the canonical string of each dialect as this server built it, so the
     * caller can compare it with what their code signed.
     */
    canonical?: Record<CanonicalDialect, string>;
}
/** The answer of {@link verifyRequest}. */
export type VerifyResult = VerifySuccess | VerifyFailure;
/**
 * Verifies a signed request as the platform does (SPEC §2), in this order: headers present
 * and well-formed (40004); a supported method (2001); a known apiKey (2001); the source IP
 * on the apiKey's allowlist, when one is set (2000); the timestamp within tolerance (2001);
 * the signature, in either dialect and hex in either case, compared in constant time (2001);
 * and only then the nonce not seen within the window (replay, 2001). A nonce is recorded only
 * after the signature checks out, so unsigned junk cannot fill the store.
 */
export declare function verifyRequest(options: VerifyRequestOptions): Promise<VerifyResult>;
/**
 * True when `ip` is in `allowed` (addresses or CIDR ranges; IPv4-mapped IPv6 is unwrapped). A
 * malformed entry (`10.0.0.0/abc`, `/33`) matches nothing.
 */
export declare function ipAllowed(ip: string | undefined, allowed: readonly string[]): boolean;
