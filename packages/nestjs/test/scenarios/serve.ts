import type { INestApplication } from '@nestjs/common';
import { afterEach } from 'vitest';
import type { NestKit, Platform } from './nest-kit.js';

let running: INestApplication[] = [];
afterEach(async () => {
  await Promise.all(running.map((app) => app.close()));
  running = [];
});

/** A Nest app on 127.0.0.1, a free port, the given platform; closed after each test. */
export async function serveApp(
  kit: NestKit,
  options: { module: new () => unknown; platform: Platform; trustProxy?: boolean; configure?: (app: INestApplication) => void },
): Promise<{ app: INestApplication; url: string }> {
  const adapter = kit.adapter(options.platform, { trustProxy: options.trustProxy });
  const app = (await kit.core.NestFactory.create(options.module, adapter as never, { logger: false, forceCloseConnections: true })) as INestApplication;
  if (options.trustProxy && options.platform === 'express') (app.getHttpAdapter().getInstance() as { set(name: string, value: unknown): void }).set('trust proxy', true);
  options.configure?.(app);
  running.push(app);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return { app, url: `http://127.0.0.1:${address.port}` };
}

/** A JSON answer with its status. */
export interface Answer {
  status: number;
  json: Record<string, unknown> & { code?: number; message?: string; requestId?: string; data?: unknown };
}

/** POSTs JSON (or a raw string) and parses the answer. */
export async function postJson(url: string, body: unknown, headers: object = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(headers as Record<string, string>) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: (text === '' ? {} : JSON.parse(text)) as Answer['json'] };
}

/** A requestId as smskit makes them. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
