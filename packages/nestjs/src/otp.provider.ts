import type { FactoryProvider } from '@nestjs/common';
import { SmsClient, SmsError } from '@smskit/core';
import { OtpService, type OtpMessage, type OtpSender } from '@smskit/otp';
import { missingSection } from './missing-section.js';
import { SMS_MODULE_OPTIONS } from './sms.constants.js';
import type { SmsModuleOptions } from './sms-module-options.js';

/** Makes `OtpService` injectable by its class, from the `otp` section of the options. */
export const otpProvider: FactoryProvider<OtpService> = {
  provide: OtpService,
  inject: [SMS_MODULE_OPTIONS, SmsClient],
  useFactory: (options: SmsModuleOptions, client: SmsClient) => {
    if (!options.otp) return missingSection({ type: OtpService, section: 'otp', example: "otp: { secret: process.env.OTP_SECRET, templateCode: 'your-code-template' }" });
    const { send, ...rest } = options.otp;
    return new OtpService({ ...rest, send: send ?? sendThrough(client) });
  },
};

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
