import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';

/** One request read off a connection: its head (request line and headers) and body. */
export interface RawRequest {
  head: string;
  body: string;
}

/**
 * What the server does with each request, on the raw socket: answer, stall, drip, reset, close.
 * A connection carries several requests in turn when the handler answers and leaves it open.
 */
export type RawHandler = (socket: Socket, request: RawRequest) => void;

/**
 * A TCP server on 127.0.0.1 that reads HTTP requests itself and leaves every answer to
 * `handler`, byte by byte if need be: the platform misbehaving in every way a socket can.
 * Closed (every connection destroyed) after each test.
 */
export async function misbehavingServer(handler: RawHandler, options: { onConnection?: (socket: Socket) => void } = {}) {
  const sockets = new Set<Socket>();
  let connections = 0;
  let requests = 0;
  const server = createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // The client's reset of a connection the test meant to kill is no failure of the server.
    socket.on('error', () => undefined);
    options.onConnection?.(socket);
    let buffered = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      for (;;) {
        const end = buffered.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buffered.subarray(0, end).toString('latin1');
        const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
        if (buffered.length < end + 4 + length) return;
        const body = buffered.subarray(end + 4, end + 4 + length).toString('utf8');
        buffered = buffered.subarray(end + 4 + length);
        requests++;
        handler(socket, { head, body });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const handle = {
    port,
    url: `http://127.0.0.1:${port}`,
    /** Connections accepted so far. */
    connections: () => connections,
    /** Requests read in full so far. */
    requests: () => requests,
    /** Connections still open (the client has not closed or reset them). */
    open: () => sockets.size,
    async close(): Promise<void> {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  servers.push(handle);
  return handle;
}

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** A well-formed answer: the status line, `headers`, a content-length and `body`. */
export function answer(body: string, options: { status?: number; headers?: Record<string, string> } = {}): string {
  const headers = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...options.headers };
  return `HTTP/1.1 ${options.status ?? 200} OK\r\n${Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n${body}`;
}

/** The platform's answer to a send (with a msgId), or to a query (an empty list). */
export function okAnswer(request: RawRequest): string {
  const data = request.head.startsWith('POST /message/send') ? { msgId: 'm1', desc: null } : [];
  return answer(JSON.stringify({ code: 200, message: 'OK', data, requestId: 'r' }));
}

/** A port on 127.0.0.1 nothing listens on (taken, then freed). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
