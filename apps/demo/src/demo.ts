import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createSandbox, SANDBOX_PREFIX, type Sandbox } from '@smskit/sandbox';
import type { DemoConfig } from './demo-config.js';
import { DemoChannels } from './demo-channels.js';
import { DemoModule } from './demo.module.js';
import { demoOtpStores } from './otp-stores.js';
import { limitSummary } from './sign-up-answers.js';

/** The demo, running. */
export interface RunningDemo {
  /** The sign-up page. */
  appUrl: string;
  /** The emulated SMS platform: the primary channel. */
  sandboxUrl: string;
  /** The primary's inbox page, where the codes arrive while it is well. */
  inboxUrl: string;
  /** The backup channel's sandbox. */
  backupSandboxUrl: string;
  /** The backup's inbox page, where the codes arrive once the primary is broken. */
  backupInboxUrl: string;
  /** Where the OTP state lives. */
  stores: 'memory' | 'redis';
  /** The primary's sandbox itself (tests read messages from it). */
  sandbox: Sandbox;
  /** The backup's sandbox. */
  backupSandbox: Sandbox;
  /** Stops the app, then the sandbox, and closes Redis. */
  close(): Promise<void>;
}

const PUBLIC_DIR = fileURLToPath(new URL('../public', import.meta.url));

// The page's script and style are files of its own origin; nothing inline, nothing from elsewhere.
const CSP = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/**
 * The sandbox's HTTP server, listening before the sandbox exists: the app needs the sandbox's
 * URL for its client, and the sandbox needs the app's URL for its receipt pushes.
 */
async function listenFirst(host: string, port: number) {
  let handle: RequestListener | undefined;
  const server = createServer((request, response) => (handle ? handle(request, response) : response.writeHead(503).end()));
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    url: `http://${host}:${(server.address() as AddressInfo).port}`,
    serve: (sandbox: Sandbox) => (handle = sandbox.app.callback()),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Starts the sandbox and the sign-up app (see main.ts); both on `config.host`. */
export async function startDemo(config: DemoConfig, nestLogger: LoggerService | LogLevel[] | false = ['error', 'warn']): Promise<RunningDemo> {
  const account = { apiKey: 'smskit-demo', accessKey: randomBytes(24).toString('base64url') };
  const sandboxServer = await listenFirst(config.host, config.sandboxPort);
  const backupServer = await listenFirst(config.host, config.backupSandboxPort).catch(async (error: unknown) => {
    await sandboxServer.close();
    throw error;
  });
  const inboxUrl = `${sandboxServer.url}${SANDBOX_PREFIX}/inbox`;
  const backupInboxUrl = `${backupServer.url}${SANDBOX_PREFIX}/inbox`;
  const channels = new DemoChannels([
    { name: 'primary', inboxUrl },
    { name: 'backup', inboxUrl: backupInboxUrl },
  ]);
  const otpStores = demoOtpStores({ redisUrl: config.redisUrl, keyPrefix: config.redisKeyPrefix, log: config.log });
  let app: NestExpressApplication | undefined;
  try {
    const settings = { inboxUrl, channels: channels.channels, limits: limitSummary(config.limits), codeTtlMinutes: 5, maxAttempts: 5, stores: otpStores.kind, log: config.log };
    const module = DemoModule.register({ config, sandboxUrl: sandboxServer.url, backupSandboxUrl: backupServer.url, channels, account, stores: otpStores.stores, settings });
    app = await NestFactory.create<NestExpressApplication>(module, { logger: nestLogger, forceCloseConnections: true });
    app.use((_req: unknown, res: { setHeader(name: string, value: string): void }, next: () => void) => {
      res.setHeader('Content-Security-Policy', CSP);
      next();
    });
    app.useStaticAssets(PUBLIC_DIR);
    await app.listen(config.appPort, config.host);
    const appUrl = `http://${config.host}:${(app.getHttpServer().address() as AddressInfo).port}`;

    // Two sandboxes, one per channel; each labels its inbox with the channel it plays, and both
    // push receipts to the app as the platform would.
    const sandboxOf = (channelName: string) =>
      createSandbox({ ...account, channelName, deliveryDelayMs: config.deliveryDelayMs, pushUrl: `${appUrl}/sms/push/receipts`, replyPushUrl: `${appUrl}/sms/push/replies` });
    const sandbox = sandboxOf('primary');
    const backupSandbox = sandboxOf('backup');
    sandboxServer.serve(sandbox);
    backupServer.serve(backupSandbox);
    channels.attach(sandbox);
    const started = app;
    return {
      appUrl,
      sandboxUrl: sandboxServer.url,
      inboxUrl,
      backupSandboxUrl: backupServer.url,
      backupInboxUrl,
      stores: otpStores.kind,
      sandbox,
      backupSandbox,
      async close() {
        await started.close(); // closes the SMS client, waits for queued push handlers
        sandbox.close();
        backupSandbox.close();
        await Promise.all([sandboxServer.close(), backupServer.close()]);
        await otpStores.close();
      },
    };
  } catch (error) {
    await app?.close();
    await Promise.all([sandboxServer.close(), backupServer.close()]);
    await otpStores.close();
    throw error;
  }
}
