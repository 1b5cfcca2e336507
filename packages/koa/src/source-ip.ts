import { forwardedSourceIp } from '@smskit/core';
import type { Context } from 'koa';

/**
 * The default source address of {@link verifySignature} and {@link receivePushes}: the
 * connection's peer, or, with `trustedProxies` set, the address your n-th proxy saw, counted
 * from the right of `X-Forwarded-For` (core's {@link @smskit/core!forwardedSourceIp}). It
 * deliberately ignores `app.proxy`: with it, Koa's `ctx.ip` is the *leftmost* entry, which the
 * caller writes, so an allowlist could be passed by sending `X-Forwarded-For: 10.1.2.3`.
 */
export function sourceIpReader(trustedProxies: number | undefined): (ctx: Context) => string | undefined {
  const proxies = trustedProxies ?? 0;
  // fail at start-up, not at the first request
  forwardedSourceIp({ remoteAddress: undefined, forwardedFor: undefined, trustedProxies: proxies });
  return function smsSourceIp(ctx: Context) {
    return forwardedSourceIp({ remoteAddress: ctx.req.socket.remoteAddress, forwardedFor: ctx.req.headers['x-forwarded-for'], trustedProxies: proxies });
  };
}
