import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { ChannelRouter, SmsClient } from '@smskit/core';
import { OtpService } from '@smskit/otp';
import { CHANNELS_EXAMPLE } from './channel-router.provider.js';
import { SMS_MODULE_OPTIONS } from './sms.constants.js';
import type { SmsModuleOptions } from './sms-module-options.js';
import { MISSING_VERIFY, SmsRequestVerifier } from './sms-request-verifier.js';
import { SmsSignatureGuard } from './sms-signature.guard.js';

interface Wrapper {
  metatype: unknown;
  getCtorMetadata?(): ({ token?: unknown } | undefined)[] | undefined;
  getPropertiesMetadata?(): ({ wrapper?: { token?: unknown } } | undefined)[] | undefined;
}

/**
 * Refuses to start an app that uses a provider whose options section is missing, as Nest
 * itself refuses a missing provider. Nest instantiates every provider of the module whether
 * anything needs it or not, so the providers cannot fail on their own without breaking apps
 * that never use, say, OTP; instead, once every module is resolved, this looks at what the
 * app's own classes inject and which guards they use.
 */
@Injectable()
export class SmsSetupCheck implements OnModuleInit {
  constructor(
    @Inject(SMS_MODULE_OPTIONS) private readonly options: SmsModuleOptions,
    @Inject(ModulesContainer) private readonly modules: ModulesContainer,
  ) {}

  /** @throws Error naming each missing section the app needs. */
  onModuleInit(): void {
    const wanted: { missing: boolean; used: (wrapper: Wrapper) => boolean; message: string }[] = [
      {
        missing: !this.options.verify,
        used: (w) => isA(w.metatype, SmsSignatureGuard) || injects(w, SmsRequestVerifier) || injects(w, SmsSignatureGuard),
        message: MISSING_VERIFY,
      },
      {
        missing: !this.options.otp,
        used: (w) => injects(w, OtpService),
        message: "smskit: OtpService is injected but not configured — add an `otp` section to SmsModule.forRoot() options (for example otp: { secret: process.env.OTP_SECRET, templateCode: 'your-code-template' }).",
      },
      {
        missing: !this.options.channels,
        used: (w) => injects(w, ChannelRouter),
        message: `smskit: ChannelRouter is injected but not configured — add a \`channels\` section to SmsModule.forRoot() options (for example ${CHANNELS_EXAMPLE}).`,
      },
      {
        // OTP configured, but nothing to send the codes with: every request would fail
        missing: this.options.otp !== undefined && !this.options.otp.send && !this.options.channels && !this.options.client,
        used: (w) => injects(w, OtpService),
        message: 'smskit: OtpService has nothing to send codes through — add a `channels` section (codes go through the router) or a `client` section, or give otp.send.',
      },
      {
        missing: !this.options.client,
        used: (w) => injects(w, SmsClient),
        message: "smskit: SmsClient is injected but not configured — add a `client` section to SmsModule.forRoot() options (for example client: { apiKey, accessKey, baseUrl: 'https://opassapi.infocloud.cc' }).",
      },
    ];
    const checks = wanted.filter((check) => check.missing);
    if (checks.length === 0) return;
    const failed = new Set<string>();
    for (const module of this.modules.values()) {
      // smskit's own module wires these providers to each other; only the app's use counts
      if (module.providers.has(SMS_MODULE_OPTIONS)) continue;
      const wrappers = [...module.providers.values(), ...module.controllers.values(), ...module.injectables.values()] as unknown as Wrapper[];
      for (const wrapper of wrappers) for (const check of checks) if (check.used(wrapper)) failed.add(check.message);
    }
    if (failed.size > 0) throw new Error([...failed].join('\n'));
  }
}

function isA(metatype: unknown, type: abstract new (...args: never[]) => unknown): boolean {
  return typeof metatype === 'function' && (metatype === type || metatype.prototype instanceof type);
}

function injects(wrapper: Wrapper, token: unknown): boolean {
  const ctor = wrapper.getCtorMetadata?.() ?? [];
  if (ctor.some((dependency) => dependency?.token === token)) return true;
  const properties = wrapper.getPropertiesMetadata?.() ?? [];
  return properties.some((property) => property?.wrapper?.token === token);
}
