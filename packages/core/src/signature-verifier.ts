import { MemoryNonceStore, type NonceStore } from './stores.js';
import { checkedTolerance, verifySigned, type ApiCredentials, type CredentialsResolver, type SignedRequestInput, type VerifierConfig, type VerifyResult } from './verify.js';

/** What a {@link SignatureVerifier} is built from: the one declaration of the verify options. */
export interface SignatureVerifierOptions {
  /** The apiKey → credentials table, or a function that looks a key up (may be async). */
  credentials: Readonly<Record<string, ApiCredentials>> | CredentialsResolver;
  /**
   * Where seen nonces are remembered, for replay protection; `false` turns it off. Behind a
   * load balancer, pass a shared store (`@smskit/redis`).
   * @defaultValue a new in-process `MemoryNonceStore` for this verifier
   */
  nonceStore?: NonceStore | false;
  /** Accepted clock skew in either direction, in ms. @defaultValue {@link DEFAULT_TOLERANCE_MS} (60 000) */
  toleranceMs?: number;
  /** The server clock, in ms. @defaultValue `Date.now` */
  now?: () => number;
}

/**
 * Verifies signed requests (SPEC §2) with settings fixed once — the server half of signing, as
 * standard-webhooks' `Webhook` is: build it from the credentials, the nonce store, the
 * tolerance and the clock, then call {@link SignatureVerifier.verify} per request with what
 * arrived. `@smskit/koa`'s `verifySignature` and `@smskit/nestjs`'s guard are thin
 * translations of it; use it directly behind any other server.
 *
 * @example
 * ```ts
 * const verifier = new SignatureVerifier({ credentials: { [apiKey]: { accessKey } } });
 * const result = await verifier.verify({ headers: req.headers, body: req.body, sourceIp: req.socket.remoteAddress });
 * if (!result.ok) return reply(errorAnswer(new SmsError({ code: result.code, message: result.reason }), requestId));
 * ```
 */
export class SignatureVerifier {
  private readonly config: VerifierConfig;

  /** @throws TypeError for credentials that are neither a table nor a function, or a tolerance that is not a finite number ≥ 0. */
  constructor(options: SignatureVerifierOptions) {
    const credentials = options.credentials;
    if (typeof credentials !== 'function' && (typeof credentials !== 'object' || credentials === null)) {
      throw new TypeError('SignatureVerifier: options.credentials must be an apiKey → { accessKey } table or a resolver function.');
    }
    this.config = {
      credentials,
      nonceStore: options.nonceStore === false ? undefined : (options.nonceStore ?? new MemoryNonceStore()),
      toleranceMs: checkedTolerance(options.toleranceMs),
      now: options.now ?? Date.now,
    };
  }

  /**
   * Runs every check, in the order of {@link verifyRequest}: the body (an object, no
   * `__proto__`, bounded depth), the headers, method, apiKey, allowlist, clock, signature and
   * nonce. Resolves a failure with its platform code for anything the caller got wrong; rejects
   * only when the credentials lookup or the nonce store fails (the server's fault, answered -1).
   */
  verify(request: SignedRequestInput): Promise<VerifyResult> {
    return verifySigned(request, this.config);
  }
}
