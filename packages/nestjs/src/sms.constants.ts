/**
 * The injection token of the module's {@link SmsModuleOptions}, as given to `forRoot()` or
 * returned by the `forRootAsync()` factory. Inject it with {@link InjectSmsOptions}.
 */
export const SMS_MODULE_OPTIONS = 'SMS_MODULE_OPTIONS';
