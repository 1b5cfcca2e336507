import { Inject, Injectable } from '@nestjs/common';
import { SignatureVerifier, type SignedRequestInput, type VerifyResult } from '@smskit/core';
import { SMS_MODULE_OPTIONS } from './sms.constants.js';
import type { SmsModuleOptions } from './sms-module-options.js';

/**
 * Core's `SignatureVerifier`, built once from the module's `verify` section: one nonce store
 * shared by every guard of the module, so a nonce replayed against another route is still
 * caught. Inject it to verify requests outside a guard (a raw handler, a microservice).
 */
@Injectable()
export class SmsRequestVerifier {
  private readonly verifier: SignatureVerifier | undefined;

  constructor(@Inject(SMS_MODULE_OPTIONS) options: SmsModuleOptions) {
    this.verifier = options.verify && new SignatureVerifier(options.verify);
  }

  /** Whether the module has a `verify` section. */
  get configured(): boolean {
    return this.verifier !== undefined;
  }

  /**
   * Runs every check of SPEC §2, the body (as the platform's parser left it) first. A failing
   * credentials lookup or nonce store rejects — the server's fault, answered -1 by the
   * exception filter, not the caller's mistake.
   */
  async verify(input: SignedRequestInput): Promise<VerifyResult> {
    if (!this.verifier) throw new Error(MISSING_VERIFY);
    return this.verifier.verify(input);
  }
}

/** What a module without a `verify` section says, at start-up when a guard needs it. */
export const MISSING_VERIFY =
  'smskit: SmsSignatureGuard is not configured — add a `verify` section to SmsModule.forRoot() options (for example verify: { credentials: { [apiKey]: { accessKey } } }).';
