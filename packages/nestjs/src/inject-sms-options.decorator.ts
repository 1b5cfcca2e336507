import { Inject } from '@nestjs/common';
import { SMS_MODULE_OPTIONS } from './sms.constants.js';

/**
 * Injects the module's {@link SmsModuleOptions}:
 * `constructor(@InjectSmsOptions() private readonly options: SmsModuleOptions) {}`.
 */
export function InjectSmsOptions(): PropertyDecorator & ParameterDecorator {
  return Inject(SMS_MODULE_OPTIONS);
}
