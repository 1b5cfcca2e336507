import type { FactoryProvider } from '@nestjs/common';
import { ChannelRouter, SmsClient, SmsError } from '@smskit/core';
import { OtpService, type OtpMessage, type OtpSender } from '@smskit/otp';
import { missingSection } from './missing-section.js';
import { SMS_MODULE_OPTIONS } from './sms.constants.js';
import type { SmsModuleOptions } from './sms-module-options.js';

/**
 * Makes `OtpService` injectable by its class, from the `otp` section of the options: codes go
 * out through `otp.send`, else the module's `ChannelRouter` (with `channels`), else its
 * `SmsClient`.
 */
export const otpProvider: FactoryProvider<OtpService> = {
  provide: OtpService,
  inject: [SMS_MODULE_OPTIONS, SmsClient, ChannelRouter],
  useFactory: (options: SmsModuleOptions, client: SmsClient, router: ChannelRouter) => {
    if (!options.otp) return missingSection({ type: OtpService, section: 'otp', example: "otp: { secret: process.env.OTP_SECRET, templateCode: 'your-code-template' }" });
    const { send, route, ...rest } = options.otp;
    if (send) return new OtpService({ ...rest, send });
    if (options.channels) {
      checkRouteTemplate(options);
      return new OtpService({ ...rest, route: { ...route, router } });
    }
    if (route) throw new Error('smskit: otp.route sends codes through channels, but SmsModule has no `channels` section — add one, or drop otp.route to send through the client.');
    return new OtpService({ ...rest, send: sendThrough(client) });
  },
};

/** A fixed logical template that no `templates` entry defines would fail every code: refuse at start-up. */
function checkRouteTemplate(options: SmsModuleOptions): void {
  const template = options.otp?.route?.template ?? 'verification';
  if (typeof template !== 'string' || Object.hasOwn(options.templates ?? {}, template)) return;
  const known = Object.keys(options.templates ?? {});
  throw new Error(
    `smskit: OtpService sends the logical template "${template}", which the SmsModule templates section does not define (${known.length > 0 ? `it has: ${known.join(', ')}` : 'it has none'}) — add templates.${template}, or set otp.route.template.`,
  );
}

/** The default sender: the module's client, the code as the template's one value, the request id as `bid`. */
function sendThrough(client: SmsClient): OtpSender {
  return async function sendOtpThroughSmsClient(message: OtpMessage) {
    if (message.templateCode === undefined) {
      throw new SmsError({ code: 40004, message: `No templateCode for the OTP scene "${message.scene}".`, hint: 'Set otp.templateCode in the SmsModule options (a code, or a function of the scene).' });
    }
    const result = await client.send({ phones: [message.phone], templateCode: message.templateCode, params: [message.code], bid: message.id });
    if (result.status !== 'sent') {
      throw new SmsError({ code: -1, message: `The platform did not surely accept the code (${result.status}).` });
    }
    return { msgId: result.msgIds[0] };
  };
}
