import { Inject, Injectable } from '@nestjs/common';
import { normalizePhone } from '@smskit/core';
import { maskPhone, OtpService } from '@smskit/otp';
import { Accounts } from './accounts.js';
import { DEMO_SETTINGS, type DemoSettings } from './demo-settings.js';
import { codeAnswer, verifyAnswer, type Answer, type CodeAnswer, type VerifyAnswer } from './sign-up-answers.js';

/** The scene the codes are for: a code asked for sign-up cannot be used elsewhere. */
export const SIGN_UP_SCENE = 'sign-up';

/** What the page's "I am not a robot" box sends: the demo's stand-in for a captcha token. */
export const DEMO_HUMAN_PROOF = 'demo-not-a-robot';

/**
 * Sign-up by SMS code: `OtpService` (from `@smskit/nestjs`) sends and checks the codes, with
 * its limits; a right code creates the account. Every constructor parameter names its token
 * with `@Inject`: the demo runs on tsx (esbuild), which emits no decorator metadata.
 */
@Injectable()
export class SignUpService {
  constructor(
    @Inject(OtpService) private readonly otp: OtpService,
    @Inject(Accounts) private readonly accounts: Accounts,
    @Inject(DEMO_SETTINGS) private readonly settings: DemoSettings,
  ) {}

  /** Sends a code to `phone`, unless the human check or a limit says no. */
  async requestCode(input: { phone: string; ip: string | undefined; human: unknown }): Promise<Answer<CodeAnswer>> {
    const result = await this.otp.request({ phone: input.phone, scene: SIGN_UP_SCENE, ip: input.ip, human: input.human });
    const phone = normalizePhone(input.phone) ?? input.phone;
    const answer = codeAnswer(result, { limits: this.settings.limits, phone });
    const outcome = result.ok ? `sent by ${result.channel ?? '?'} (msgId ${result.msgId ?? '?'})` : result.reason === 'limit' ? `refused by ${result.limit}, retry in ${answer.body.retryAfterSeconds} s` : result.reason;
    this.settings.log(`code for ${maskPhone(phone)}: ${outcome}`);
    return answer;
  }

  /** Checks a code; the right one creates the account. */
  async verify(input: { phone: string; code: string }): Promise<Answer<VerifyAnswer>> {
    const result = await this.otp.verify({ phone: input.phone, scene: SIGN_UP_SCENE, code: input.code });
    const answer = verifyAnswer(result, this.settings.codeTtlMinutes);
    const phone = normalizePhone(input.phone);
    if (result.ok && phone) {
      const { created } = this.accounts.create(phone);
      answer.body.message = created ? `Welcome! The account for ${maskPhone(phone)} is created.` : `Welcome back! ${maskPhone(phone)} had already signed up.`;
    }
    this.settings.log(`code check for ${maskPhone(phone ?? input.phone)}: ${result.ok ? 'right' : result.reason}`);
    return answer;
  }
}
