import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { Body, Controller, HttpCode, Injectable, Module, Post, UseGuards, type LoggerService } from '@nestjs/common';
import { HttpAdapterHost, NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { platformErrors, receivePushes, verifySignature } from '@smskit/koa';
import { OnSmsReceipts, OnSmsReplies, SmsExceptionFilter, SmsModule, SmsSignatureGuard } from '@smskit/nestjs';
import { createSandbox } from '@smskit/sandbox';
import Koa from 'koa';
import { ACCOUNT, OFFICE } from './inputs.js';

/** A server under attack: where its endpoints are, and everything it logged. */
export interface Target {
  name: string;
  urls: { signed: string; receipts?: string; replies?: string };
  /** What the server wrote to its log, in order (the suite reads what each request added). */
  logs: string[];
  close(): Promise<void>;
}

const CREDENTIALS = { [ACCOUNT.apiKey]: { accessKey: ACCOUNT.accessKey }, [OFFICE.apiKey]: { accessKey: OFFICE.accessKey, allowedIps: ['10.0.0.0/8'] } };

/** The sandbox, as `smskit sandbox` runs it; it logs unexpected errors to console.error. */
export async function sandboxTarget(logs: string[]): Promise<Target> {
  const sandbox = createSandbox({ accounts: [{ apiKey: ACCOUNT.apiKey, accessKey: ACCOUNT.accessKey }, { apiKey: OFFICE.apiKey, accessKey: OFFICE.accessKey, allowedIps: ['10.0.0.0/8'] }], rateLimits: false, deliveryDelayMs: 600_000, balance: 1_000_000 });
  const server = await sandbox.listen({ port: 0, host: '127.0.0.1' });
  return {
    name: 'sandbox',
    urls: { signed: `${server.url}/message/send` },
    logs,
    close: async () => {
      sandbox.close();
      await server.close();
    },
  };
}

/**
 * A Koa app as the README's whole-app example builds it: `app.proxy = true` behind a proxy,
 * platformErrors, receivePushes, verifySignature. Koa logs every error it is told of, with its
 * stack: that is what the `error` listener records.
 */
export async function koaTarget(logs: string[]): Promise<Target> {
  const app = new Koa();
  app.proxy = true;
  app.on('error', (error: unknown) => void logs.push(error instanceof Error ? `${error.stack}` : String(error)));
  app.use(platformErrors());
  app.use(receivePushes({ apiKeys: ACCOUNT.apiKey, onReceipts: () => undefined, onReplies: () => undefined, onError: (error) => void logs.push(String(error)) }));
  app.use(verifySignature({ credentials: CREDENTIALS }));
  app.use((ctx) => {
    ctx.body = { code: 200, message: 'OK', data: { msgId: '574730770464800768', desc: null, failPhones: '' } };
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    name: 'koa',
    urls: { signed: `${base}/message/send`, receipts: `${base}/sms/push/receipts`, replies: `${base}/sms/push/replies` },
    logs,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Nest's logger, recording what would be printed (message, and stack when one is given). */
function recordingLogger(logs: string[]): LoggerService {
  const record = (...parts: unknown[]) => void logs.push(parts.map((part) => (part instanceof Error ? part.stack : String(part))).join(' '));
  return { log: record, error: record, warn: record, debug: record, verbose: record, fatal: record };
}

@Controller('message')
@UseGuards(SmsSignatureGuard)
class MessageController {
  @Post('send')
  @HttpCode(200)
  send(@Body() _body: unknown) {
    return { code: 200, message: 'OK', data: { msgId: '574730770464800768', desc: null, failPhones: '' } };
  }
}

@Injectable()
class PushHandlers {
  @OnSmsReceipts()
  receipts() {}

  @OnSmsReplies()
  replies() {}
}

@Module({
  imports: [SmsModule.forRoot({ pushPath: '/sms/push', verify: { credentials: CREDENTIALS }, push: { apiKeys: ACCOUNT.apiKey, onError: () => undefined } })],
  controllers: [MessageController],
  providers: [PushHandlers],
})
class AdversarialModule {}

/**
 * A Nest 11 app with the guard and the push receivers, on Express or Fastify, set up as the
 * package's README says: SmsExceptionFilter for the whole app (errors raised before routing,
 * such as the body parser's, reach only a global filter), one trusted proxy, and on Express a
 * JSON limit above the largest push (Express's default is 100 KB; Fastify's 1 MiB).
 */
export async function nestTarget(logs: string[], platform: 'express' | 'fastify'): Promise<Target> {
  const adapter = platform === 'express' ? new ExpressAdapter() : new FastifyAdapter({ trustProxy: 1 });
  const app = await NestFactory.create(AdversarialModule, adapter, { logger: recordingLogger(logs), forceCloseConnections: true });
  app.useGlobalFilters(new SmsExceptionFilter(app.get(HttpAdapterHost)));
  if (platform === 'express') {
    (app.getHttpAdapter().getInstance() as { set(name: string, value: unknown): void }).set('trust proxy', 1);
    (app as unknown as { useBodyParser(type: string, options: object): void }).useBodyParser('json', { limit: '2mb' });
  }
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  return {
    name: `nest + ${platform}`,
    urls: { signed: `${base}/message/send`, receipts: `${base}/sms/push/receipts`, replies: `${base}/sms/push/replies` },
    logs,
    close: () => app.close(),
  };
}
