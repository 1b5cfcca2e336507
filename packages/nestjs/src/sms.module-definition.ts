import { ConfigurableModuleBuilder } from '@nestjs/common';
import { createSmsPushController } from './push/sms-push.controller.js';
import { SMS_MODULE_OPTIONS } from './sms.constants.js';
import type { SmsModuleExtras, SmsModuleOptions } from './sms-module-options.js';

const built = new ConfigurableModuleBuilder<SmsModuleOptions>({ optionsInjectionToken: SMS_MODULE_OPTIONS })
  .setClassMethodName('forRoot')
  .setFactoryMethodName('createSmsOptions')
  .setExtras<SmsModuleExtras>({ isGlobal: false }, (definition, extras) => ({
    ...definition,
    global: extras.isGlobal === true,
    // a controller's path is fixed when its class is decorated, hence an extra, not an option
    controllers: extras.pushPath === undefined ? [] : [createSmsPushController(extras.pushPath)],
  }))
  .build();

/**
 * The base class of `SmsModule`: `forRoot` and `forRootAsync` as `ConfigurableModuleBuilder`
 * makes them.
 * @internal
 */
export const SmsConfigurableModule = built.ConfigurableModuleClass;
