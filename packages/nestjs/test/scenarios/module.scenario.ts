import { SmsClient } from '@smskit/core';
import { OtpService } from '@smskit/otp';
import { describe, expect, it } from 'vitest';
import type { ConfigService as ConfigServiceType } from '@nestjs/config';
import type { SmsModuleOptions, SmsOptionsFactory } from '../../src/index.js';
import type { NestKit } from './nest-kit.js';

/** Module specs with `Test.createTestingModule`: forRoot, forRootAsync (ConfigModule, useClass, useExisting), pushPath, overrideProvider, isGlobal. */
export function moduleScenario(kit: NestKit): void {
  const { Inject, Injectable, Module } = kit.common;
  const { ConfigModule, ConfigService } = kit.config;
  const { Test } = kit.testing;
  const { InjectSmsOptions, SMS_MODULE_OPTIONS, SmsModule, SmsRequestVerifier } = kit.sms;

  const client = { apiKey: 'unit-api-key', accessKey: 'unit-access-key', baseUrl: 'http://127.0.0.1:9' };
  const otp = { secret: 'a-secret-of-at-least-16-bytes!', templateCode: 'T-OTP' };

  /** How users consume the module: plain constructor injection by class (design:paramtypes). */
  @Injectable()
  class SignUpService {
    constructor(
      readonly sms: SmsClient,
      readonly otp: OtpService,
      @InjectSmsOptions() readonly options: SmsModuleOptions,
    ) {}
  }

  describe(`SmsModule.forRoot (Nest ${kit.major})`, () => {
    it('provides SmsClient and OtpService by class, and the options under SMS_MODULE_OPTIONS', async () => {
      const moduleRef = await Test.createTestingModule({ imports: [SmsModule.forRoot({ client, otp })], providers: [SignUpService] }).compile();
      const service = moduleRef.get(SignUpService);
      expect(service.sms).toBeInstanceOf(SmsClient);
      expect(service.otp).toBeInstanceOf(OtpService);
      expect(service.options.client).toEqual(client);
      expect(moduleRef.get(SMS_MODULE_OPTIONS)).toBe(service.options);
      expect(SMS_MODULE_OPTIONS).toBe('SMS_MODULE_OPTIONS');
      await moduleRef.close();
    });

    it('keeps module-shaping extras (isGlobal, pushPath) out of the injected options', async () => {
      const moduleRef = await Test.createTestingModule({ imports: [SmsModule.forRoot({ client, isGlobal: true })] }).compile();
      expect(moduleRef.get<SmsModuleOptions>(SMS_MODULE_OPTIONS)).toEqual({ client });
      await moduleRef.close();
    });

    it('an app that injects OtpService or SmsClient without their section refuses to start, naming the section', async () => {
      const moduleRef = await Test.createTestingModule({ imports: [SmsModule.forRoot({})], providers: [SignUpService] }).compile();
      const started = moduleRef.init();
      await expect(started).rejects.toThrow(/OtpService is injected but not configured — add an `otp` section/);
      await expect(started).rejects.toThrow(/SmsClient is injected but not configured — add a `client` section/);
      await moduleRef.close().catch(() => undefined);
    });

    it('an app that guards a route with SmsSignatureGuard (or a subclass) without a verify section refuses to start', async () => {
      const { Controller, Post, UseGuards } = kit.common;
      class StrictGuard extends kit.sms.SmsSignatureGuard {}
      for (const guard of [kit.sms.SmsSignatureGuard, StrictGuard]) {
        @Controller('message')
        @UseGuards(guard)
        class MessageController {
          @Post('send') send() {
            return 'sent';
          }
        }
        const moduleRef = await Test.createTestingModule({ imports: [SmsModule.forRoot({ client })], controllers: [MessageController] }).compile();
        await expect(moduleRef.init()).rejects.toThrow(/SmsSignatureGuard is not configured — add a `verify` section/);
        await moduleRef.close().catch(() => undefined);
      }
    });

    it('an app that uses none of the unconfigured sections starts; they still fail plainly if reached at run time', async () => {
      const moduleRef = await Test.createTestingModule({ imports: [SmsModule.forRoot({})] }).compile();
      await moduleRef.init();
      expect(() => moduleRef.get(OtpService).request({ phone: '13800000000', scene: 'login' })).toThrow(/OtpService is not configured — add a `otp` section/);
      await expect(moduleRef.get(SmsRequestVerifier).verify({ headers: {}, body: {} })).rejects.toThrow(/add a `verify` section/);
      await moduleRef.close();
    });

    it('refuses bad client options at start-up with the client\'s own error', async () => {
      await expect(Test.createTestingModule({ imports: [SmsModule.forRoot({ client: { ...client, accessKey: '' } })] }).compile()).rejects.toThrow(/accessKey is required/);
    });

    it('closes the client when the application shuts down', async () => {
      const moduleRef = await Test.createTestingModule({ imports: [SmsModule.forRoot({ client })] }).compile();
      const sms = moduleRef.get(SmsClient);
      await moduleRef.close();
      await expect(sms.send({ phones: ['13800000000'], templateCode: 'T' })).rejects.toThrow(/client is closed/);
    });
  });

  describe(`SmsModule.forRootAsync (Nest ${kit.major})`, () => {
    it('takes its options from ConfigService (useFactory + inject)', async () => {
      const moduleRef = await Test.createTestingModule({
        imports: [
          SmsModule.forRootAsync({
            imports: [ConfigModule.forRoot({ ignoreEnvFile: true, ignoreEnvVars: true, load: [() => ({ SMS_API_KEY: 'from-config', SMS_ACCESS_KEY: 'secret-from-config' })] })],
            inject: [ConfigService],
            useFactory: (config: ConfigServiceType) => ({
              client: { apiKey: config.getOrThrow<string>('SMS_API_KEY'), accessKey: config.getOrThrow<string>('SMS_ACCESS_KEY'), baseUrl: client.baseUrl },
            }),
          }),
        ],
        providers: [SignUpService],
      }).compile();
      expect(moduleRef.get(SignUpService).options.client?.apiKey).toBe('from-config');
      expect(moduleRef.get(SmsClient)).toBeInstanceOf(SmsClient);
      await moduleRef.close();
    });

    it('waits for an async factory', async () => {
      const moduleRef = await Test.createTestingModule({
        imports: [SmsModule.forRootAsync({ useFactory: async () => ({ client, otp }) })],
      }).compile();
      expect(moduleRef.get(OtpService)).toBeInstanceOf(OtpService);
      await moduleRef.close();
    });

    it('takes its options from a class (useClass), which may inject ConfigService', async () => {
      @Injectable()
      class SmsConfig implements SmsOptionsFactory {
        // the major's own ConfigService class: the emitted type is Nest 11's, whatever the kit
        constructor(@Inject(ConfigService) private readonly config: ConfigServiceType) {}
        createSmsOptions(): SmsModuleOptions {
          return { client: { ...client, apiKey: this.config.getOrThrow<string>('KEY') } };
        }
      }
      const moduleRef = await Test.createTestingModule({
        imports: [SmsModule.forRootAsync({ imports: [ConfigModule.forRoot({ ignoreEnvFile: true, load: [() => ({ KEY: 'from-class' })] })], useClass: SmsConfig })],
      }).compile();
      expect(moduleRef.get<SmsModuleOptions>(SMS_MODULE_OPTIONS).client?.apiKey).toBe('from-class');
      await moduleRef.close();
    });

    it('takes its options from an existing provider (useExisting)', async () => {
      @Injectable()
      class SharedSmsConfig implements SmsOptionsFactory {
        createSmsOptions(): SmsModuleOptions {
          return { client: { ...client, apiKey: 'from-existing' } };
        }
      }
      @Module({ providers: [SharedSmsConfig], exports: [SharedSmsConfig] })
      class SharedConfigModule {}
      const moduleRef = await Test.createTestingModule({
        imports: [SmsModule.forRootAsync({ imports: [SharedConfigModule], useExisting: SharedSmsConfig })],
      }).compile();
      expect(moduleRef.get<SmsModuleOptions>(SMS_MODULE_OPTIONS).client?.apiKey).toBe('from-existing');
      await moduleRef.close();
    });
  });

  describe(`pushPath (Nest ${kit.major})`, () => {
    it('mounts the push controller at the given path, from forRoot and forRootAsync alike', () => {
      const mounted = [
        SmsModule.forRoot({ pushPath: '/hooks/sms', push: { apiKeys: 'k' } }),
        SmsModule.forRootAsync({ pushPath: '/hooks/sms', useFactory: () => ({ push: { apiKeys: 'k' } }) }),
      ];
      for (const definition of mounted) {
        expect(definition.controllers).toHaveLength(1);
        expect(Reflect.getMetadata('path', definition.controllers?.[0] as object)).toBe('/hooks/sms');
      }
    });

    it('mounts nothing without it', () => {
      expect(SmsModule.forRoot({ push: { apiKeys: 'k' } }).controllers).toEqual([]);
    });
  });

  describe(`overrideProvider (Nest ${kit.major})`, () => {
    it('replaces SmsClient with a test double everywhere it is injected', async () => {
      const sent: unknown[] = [];
      const fake = { send: async (input: unknown) => void sent.push(input), close: async () => {} };
      const moduleRef = await Test.createTestingModule({ imports: [SmsModule.forRoot({ client, otp })], providers: [SignUpService] })
        .overrideProvider(SmsClient)
        .useValue(fake)
        .compile();
      await moduleRef.get(SignUpService).sms.send({ phones: ['13800000000'], templateCode: 'T' });
      expect(sent).toEqual([{ phones: ['13800000000'], templateCode: 'T' }]);
      await moduleRef.close();
    });

    it('sends OTP codes through the overridden client', async () => {
      const sent: { phones: readonly string[]; params?: readonly string[]; templateCode: string }[] = [];
      const fake = {
        send: async (input: (typeof sent)[number]) => {
          sent.push(input);
          return { status: 'sent', msgIds: ['m-1'], chunks: [], failedPhones: [], unknownPhones: [], invalid: [], duplicates: 0 };
        },
        close: async () => {},
      };
      const moduleRef = await Test.createTestingModule({ imports: [SmsModule.forRoot({ client, otp })] })
        .overrideProvider(SmsClient)
        .useValue(fake)
        .compile();
      const result = await moduleRef.get(OtpService).request({ phone: '13800000000', scene: 'login', ip: '10.0.0.1' });
      expect(result).toMatchObject({ ok: true, msgId: 'm-1' });
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ phones: ['13800000000'], templateCode: 'T-OTP' });
      expect(sent[0]?.params?.[0]).toMatch(/^\d{6}$/);
      await moduleRef.close();
    });
  });

  describe(`isGlobal (Nest ${kit.major})`, () => {
    @Module({ providers: [SignUpService], exports: [SignUpService] })
    class FeatureModule {}

    it('makes the providers visible to modules that do not import SmsModule', async () => {
      const moduleRef = await Test.createTestingModule({ imports: [SmsModule.forRoot({ client, otp, isGlobal: true }), FeatureModule] }).compile();
      expect(moduleRef.get(SignUpService).sms).toBeInstanceOf(SmsClient);
      await moduleRef.close();
    });

    it('is off by default: a feature module must import SmsModule itself', async () => {
      await expect(Test.createTestingModule({ imports: [SmsModule.forRoot({ client, otp }), FeatureModule] }).compile()).rejects.toThrow(/SmsClient/);
    });

    it('applies to forRootAsync too', async () => {
      const moduleRef = await Test.createTestingModule({
        imports: [SmsModule.forRootAsync({ isGlobal: true, useFactory: () => ({ client, otp }) }), FeatureModule],
      }).compile();
      expect(moduleRef.get(SignUpService).otp).toBeInstanceOf(OtpService);
      await moduleRef.close();
    });
  });
}
