import type { FactoryProvider } from '@nestjs/common';
import { SmsClient } from '@smskit/core';
import { missingSection } from './missing-section.js';
import { SMS_MODULE_OPTIONS } from './sms.constants.js';
import type { SmsModuleOptions } from './sms-module-options.js';

/** Makes `SmsClient` injectable by its class, from the `client` section of the options. */
export const smsClientProvider: FactoryProvider<SmsClient> = {
  provide: SmsClient,
  inject: [SMS_MODULE_OPTIONS],
  useFactory: (options: SmsModuleOptions) =>
    options.client
      ? new SmsClient(options.client)
      : missingSection({ type: SmsClient, section: 'client', example: "client: { apiKey, accessKey, baseUrl: 'https://opassapi.infocloud.cc' }" }),
};
