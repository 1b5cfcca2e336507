import { Inject, Injectable } from '@nestjs/common';
import { MemoryNonceStore, verifyRequest, type IncomingHeaders, type NonceStore, type SignableParams, type VerifyResult } from '@smskit/core';
import { SMS_MODULE_OPTIONS } from './sms.constants.js';
import type { SmsModuleOptions, SmsVerifyOptions } from './sms-module-options.js';

/** One request as the verifier needs it. */
export interface SignedRequestInput {
  /** The request headers. */
  headers: IncomingHeaders;
  /** The parsed JSON body's top-level parameters. */
  body: SignableParams;
  /** The caller's address, for the apiKey's allowlist. */
  sourceIp?: string;
}

/**
 * Core's `verifyRequest` with the module's `verify` options and one nonce store shared by every
 * guard of the module, so a nonce replayed against another route is still caught. Inject it to
 * verify requests outside a guard (a raw handler, a microservice).
 */
@Injectable()
export class SmsRequestVerifier {
  private readonly options: SmsVerifyOptions | undefined;
  private readonly nonceStore: NonceStore | undefined;

  constructor(@Inject(SMS_MODULE_OPTIONS) options: SmsModuleOptions) {
    this.options = options.verify;
    this.nonceStore = this.options?.nonceStore === false ? undefined : (this.options?.nonceStore ?? new MemoryNonceStore());
  }

  /**
   * Runs every check of SPEC §2. A body parameter named like a signed header is refused as
   * core refuses it (40004); a failing credentials lookup rejects (the server's fault, not the
   * caller's).
   */
  async verify(input: SignedRequestInput): Promise<VerifyResult> {
    const options = this.options;
    if (!options) {
      throw new Error('smskit: SmsSignatureGuard is not configured — add a `verify` section to SmsModule.forRoot() options (for example verify: { credentials: { [apiKey]: { accessKey } } }).');
    }
    // A failing credentials lookup or nonce store is the server's fault: it propagates to the
    // exception filter (-1) rather than being answered as the caller's mistake.
    return verifyRequest({
      headers: input.headers,
      body: input.body,
      credentials: options.credentials,
      sourceIp: input.sourceIp,
      nonceStore: this.nonceStore,
      toleranceMs: options.toleranceMs,
      now: options.now,
    });
  }
}
