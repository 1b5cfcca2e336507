/**
 * The URL that reaches a listener bound to `host` on `port`, for the startup lines and
 * `listen()`'s answer: a wildcard address (`0.0.0.0`, `::`) is no address to connect to, so it is
 * reached through loopback; an IPv6 address goes in brackets.
 */
export function listenUrl(host: string, port: number): string {
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}
