import { Module, type DynamicModule } from '@nestjs/common';
import { SmsModule } from '@smskit/nestjs';
import type { OtpStores } from '@smskit/otp';
import { Accounts } from './accounts.js';
import { Deliveries } from './deliveries.js';
import { ChannelsController } from './channels.controller.js';
import { DemoChannels } from './demo-channels.js';
import type { DemoConfig } from './demo-config.js';
import { DEMO_SETTINGS, type DemoSettings } from './demo-settings.js';
import { SignUpController } from './sign-up.controller.js';
import { DEMO_HUMAN_PROOF, SignUpService } from './sign-up.service.js';

/** What {@link DemoModule.register} is given. */
export interface DemoModuleOptions {
  /** The demo's configuration. */
  config: DemoConfig;
  /** The primary channel's sandbox. */
  sandboxUrl: string;
  /** The backup channel's sandbox. */
  backupSandboxUrl: string;
  /** The switch that breaks the primary, for the page. */
  channels: DemoChannels;
  /** The client's account on it. */
  account: { apiKey: string; accessKey: string };
  /** The OTP stores (Redis), or none for the in-memory ones. */
  stores: Partial<OtpStores> | undefined;
  /** What the page and the controller are told. */
  settings: DemoSettings;
}

/** The demo app: the sign-up API and page, on `@smskit/nestjs`. */
@Module({})
export class DemoModule {
  /** The module for one run. */
  static register(options: DemoModuleOptions): DynamicModule {
    const { config, sandboxUrl, backupSandboxUrl, account, stores, settings } = options;
    return {
      module: DemoModule,
      imports: [
        SmsModule.forRoot({
          client: { ...account, baseUrl: sandboxUrl },
          // Codes go through a router of two infocloud channels, each a sandbox: the primary,
          // then the backup. The same shape as the channels config file.
          channels: [
            { name: 'primary', provider: 'infocloud', ...account, baseUrl: sandboxUrl },
            { name: 'backup', provider: 'infocloud', ...account, baseUrl: backupSandboxUrl },
          ],
          templates: {
            // the sandbox's "您的验证码是{code,6}…" template, on both
            verification: { primary: { templateCode: '100001', params: ['code'] }, backup: { templateCode: '100001', params: ['code'] } },
          },
          otp: {
            secret: config.otpSecret,
            route: { template: 'verification' },
            limits: config.limits,
            ttlMs: settings.codeTtlMinutes * 60_000,
            maxAttempts: settings.maxAttempts,
            stores,
            now: config.now,
            // The place for a real captcha check (its token arrives as `human`); the demo's is a checkbox.
            humanCheck: ({ proof }) => proof === DEMO_HUMAN_PROOF,
          },
          // The sandbox pushes receipts here, as the platform would: POST /sms/push/receipts.
          push: { apiKeys: account.apiKey },
          pushPath: '/sms/push',
        }),
      ],
      controllers: [SignUpController, ChannelsController],
      providers: [Accounts, Deliveries, SignUpService, { provide: DEMO_SETTINGS, useValue: settings }, { provide: DemoChannels, useValue: options.channels }],
    };
  }
}
