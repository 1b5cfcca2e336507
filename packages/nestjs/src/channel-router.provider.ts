import type { FactoryProvider } from '@nestjs/common';
import { ChannelRouter, createRouterFromConfig, toSmsError } from '@smskit/core';
import { missingSection } from './missing-section.js';
import { SMS_MODULE_OPTIONS } from './sms.constants.js';
import type { SmsModuleOptions } from './sms-module-options.js';

/** What the missing-section messages suggest for `channels`. */
export const CHANNELS_EXAMPLE = "channels: [{ name: 'main', provider: 'infocloud', apiKey: { env: 'SMS_API_KEY' }, accessKey: { env: 'SMS_ACCESS_KEY' } }], templates: { verification: { main: { templateCode: '100001', params: ['code'] } } }, routing: { env: process.env }";

/**
 * Makes `ChannelRouter` injectable by its class, from the `channels` and `templates` sections.
 * A wrong entry throws here, at start-up, so the app does not start half-configured.
 */
export const channelRouterProvider: FactoryProvider<ChannelRouter> = {
  provide: ChannelRouter,
  inject: [SMS_MODULE_OPTIONS],
  useFactory: (options: SmsModuleOptions) => {
    if (!options.channels) {
      if (options.templates) throw new Error(`smskit: SmsModule has \`templates\` but no \`channels\` section to send them through — add one (for example ${CHANNELS_EXAMPLE}).`);
      return missingSection({ type: ChannelRouter, section: 'channels', example: CHANNELS_EXAMPLE });
    }
    try {
      return createRouterFromConfig({ channels: options.channels, templates: options.templates ?? {} }, options.routing);
    } catch (thrown) {
      // The path at fault (`channels[1].accessKey`), never a value: config errors carry no secret.
      throw new Error(`smskit: the SmsModule channels section is wrong — ${toSmsError(thrown).message}`, { cause: thrown });
    }
  },
};
