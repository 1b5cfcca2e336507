import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryModule, ModuleRef } from '@nestjs/core';
import { ChannelRouter, SmsClient } from '@smskit/core';
import { OtpService } from '@smskit/otp';
import { channelRouterProvider } from './channel-router.provider.js';
import { otpProvider } from './otp.provider.js';
import { SmsPushExplorer } from './push/sms-push-explorer.js';
import { SmsPushReceiver } from './push/sms-push-receiver.js';
import { SMS_MODULE_OPTIONS } from './sms.constants.js';
import { smsClientProvider } from './sms-client.provider.js';
import { SmsConfigurableModule } from './sms.module-definition.js';
import type { SmsModuleExtras, SmsModuleOptions } from './sms-module-options.js';
import { SmsRequestVerifier } from './sms-request-verifier.js';
import { SmsSetupCheck } from './sms-setup-check.js';
import { SmsSignatureGuard } from './sms-signature.guard.js';
import type { FactoryProvider, ModuleMetadata, Type } from '@nestjs/common';

/** A class whose instances make the module's options (`forRootAsync({ useClass | useExisting })`). */
export interface SmsOptionsFactory {
  /** Returns the options, or a promise of them. */
  createSmsOptions(): SmsModuleOptions | Promise<SmsModuleOptions>;
}

/** Options of `SmsModule.forRootAsync()`: one of `useFactory`, `useClass`, `useExisting`. */
export interface SmsModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'>, SmsModuleExtras {
  /** Makes the options; its arguments are the providers named in `inject`. */
  useFactory?: (...args: never[]) => SmsModuleOptions | Promise<SmsModuleOptions>;
  /** What `useFactory` is given (`ConfigService`, say). */
  inject?: FactoryProvider['inject'];
  /** A class the module instantiates to make the options. */
  useClass?: Type<SmsOptionsFactory>;
  /** A provider already in `imports` that makes the options. */
  useExisting?: Type<SmsOptionsFactory>;
}

/**
 * The smskit module. It provides, by class: `SmsClient` (from `@smskit/core`, the `client`
 * section), `ChannelRouter` (from `@smskit/core`, the `channels` and `templates` sections),
 * `OtpService` (from `@smskit/otp`, the `otp` section; through the router when there are
 * channels), {@link SmsRequestVerifier}
 * and {@link SmsSignatureGuard} (the `verify` section), {@link SmsPushReceiver} (the `push`
 * section); and the options themselves under {@link SMS_MODULE_OPTIONS}. On shutdown it waits
 * for queued push handlers, then closes the client and the router (with its channels).
 *
 * @example
 * ```ts
 * @Module({
 *   imports: [
 *     SmsModule.forRootAsync({
 *       isGlobal: true,
 *       imports: [ConfigModule],
 *       inject: [ConfigService],
 *       useFactory: (config: ConfigService) => ({
 *         client: { apiKey: config.getOrThrow('SMS_API_KEY'), accessKey: config.getOrThrow('SMS_ACCESS_KEY') },
 *       }),
 *     }),
 *   ],
 * })
 * export class AppModule {}
 * ```
 */
@Module({
  imports: [DiscoveryModule],
  providers: [smsClientProvider, channelRouterProvider, otpProvider, SmsRequestVerifier, SmsSignatureGuard, SmsPushReceiver, SmsPushExplorer, SmsSetupCheck],
  exports: [SMS_MODULE_OPTIONS, SmsClient, ChannelRouter, OtpService, SmsRequestVerifier, SmsSignatureGuard, SmsPushReceiver],
})
export class SmsModule extends SmsConfigurableModule implements OnApplicationShutdown {
  constructor(
    @Inject(SMS_MODULE_OPTIONS) private readonly options: SmsModuleOptions,
    @Inject(SmsPushReceiver) private readonly pushReceiver: SmsPushReceiver,
    // the client and the router are looked up at shutdown (max-params; either may be a test double)
    @Inject(ModuleRef) private readonly moduleRef: ModuleRef,
  ) {
    super();
  }

  /** The module with options known now. */
  static forRoot(options: SmsModuleOptions & SmsModuleExtras): DynamicModule {
    return super.forRoot(options);
  }

  /** The module with options made by a factory, a class or an existing provider (from `ConfigService`, say). */
  static forRootAsync(options: SmsModuleAsyncOptions): DynamicModule {
    // the same shape, with `never[]` factory arguments where Nest's type says `any[]`
    return super.forRootAsync(options as Parameters<typeof SmsConfigurableModule.forRootAsync>[0]);
  }

  /** Waits for accepted pushes to be handled, then closes the client's and the channels' connections. */
  async onApplicationShutdown(): Promise<void> {
    await this.pushReceiver.idle();
    // a test double from overrideProvider() may have no close()
    const client = this.options.client ? this.moduleRef.get(SmsClient) : undefined;
    if (typeof (client as Partial<SmsClient> | undefined)?.close === 'function') await client?.close();
    const router = this.options.channels ? this.moduleRef.get(ChannelRouter) : undefined;
    if (typeof (router as Partial<ChannelRouter> | undefined)?.close === 'function') await router?.close();
  }
}
