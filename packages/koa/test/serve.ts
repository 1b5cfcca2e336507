import type { AddressInfo } from 'node:net';
import type Koa from 'koa';

/** Serves a Koa app on 127.0.0.1 with a free port; `close` also ends kept-alive sockets. */
export async function serve(app: Koa): Promise<{ url: string; close: () => Promise<void> }> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** POSTs a raw body and returns status and parsed JSON answer. */
export async function post(url: string, options: { headers?: Record<string, string>; body?: string | Buffer; method?: string } = {}) {
  const response = await fetch(url, { method: options.method ?? 'POST', headers: options.headers, body: options.body });
  const text = await response.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text };
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
