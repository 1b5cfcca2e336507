/*
 * One code, handed to whatever sends it: a sender function or a channel router. Both end in
 * the same three outcomes, so the service decides once what becomes of the code: kept when
 * sent or when the outcome is unknown, withdrawn when surely not sent.
 */
import { sendResultOf, SmsError, type PassedOver, type RouteResult, type RouteSendInput, type TemplateValues } from '@smskit/core';
import type { OtpMessage, OtpSender, OtpSendReceipt } from './options.js';

/**
 * What {@link OtpRoute} sends through: `ChannelRouter` of `@smskit/core` (its `send`). Named
 * structurally so that a wrapper (a queue, a test double) fits as well.
 */
export interface OtpRouter {
  /** Sends one logical template to the numbers; never rejects for a channel's failure. */
  send(input: RouteSendInput): Promise<RouteResult>;
}

/**
 * Codes sent through a channel router: a logical template, named values. The router fails a
 * code over to a backup only when the channel before surely did not send it, and never when
 * the outcome is unknown, so a code goes out once.
 */
export interface OtpRoute {
  /** The router (a `ChannelRouter`). */
  router: OtpRouter;
  /**
   * The logical template of a scene (a name, or a function of the scene). Also the "content"
   * the per-content limit counts, whichever channel carries it.
   * @defaultValue `'verification'`
   */
  template?: string | ((scene: string) => string);
  /**
   * The named values of the template.
   * @defaultValue `{ code, minutes }` (`minutes`: how long the code is good for, in whole minutes)
   */
  values?: (message: OtpMessage) => TemplateValues;
}

/** How handing one code over ended. */
export type Dispatched =
  | { outcome: 'sent'; receipt: OtpSendReceipt | void; channel?: string; passedOver?: readonly PassedOver[] }
  | { outcome: 'failed' | 'unknown'; thrown: unknown; channel?: string; passedOver?: readonly PassedOver[] };

/** Hands a code to a sender function; a throw is `failed` unless the client said `unknown`. */
export async function dispatchToSender(send: OtpSender, message: OtpMessage): Promise<Dispatched> {
  try {
    return { outcome: 'sent', receipt: await send(message) };
  } catch (thrown) {
    return { outcome: sendResultOf(thrown)?.status === 'unknown' ? 'unknown' : 'failed', thrown };
  }
}

/** The logical template a route sends for a scene. */
export function routeTemplate(route: OtpRoute, scene: string): string {
  const template = route.template ?? 'verification';
  return typeof template === 'function' ? template(scene) : template;
}

/**
 * Hands a code to a router. The router answers for the one number: `sent` by a channel,
 * `unknown` at a channel (it went nowhere else), or `failed` (stopped, or no channel took it).
 */
export async function dispatchToRouter(route: OtpRoute, message: OtpMessage & { templateCode: string }): Promise<Dispatched> {
  const values = route.values?.(message) ?? { code: message.code, minutes: String(message.ttlMinutes) };
  let result: RouteResult;
  try {
    // The request id is the idempotency key's stem: receipts echo it, so the send log's id finds them.
    result = await route.router.send({ template: message.templateCode, to: [message.phone], values, idempotencyKey: message.id });
  } catch (thrown) {
    // A router rejects only for a mistake in the call (an unknown template): nothing was sent.
    return { outcome: 'failed', thrown };
  }
  const routed = result.numbers[0];
  if (routed === undefined) {
    return { outcome: 'failed', thrown: new SmsError({ code: 60007, message: 'The router did not take the number as one it can send to.', retryable: false }) };
  }
  const where = { ...(routed.channel === undefined ? {} : { channel: routed.channel }), passedOver: routed.passedOver };
  if (routed.status === 'sent') return { outcome: 'sent', receipt: routed.messageId === undefined ? undefined : { msgId: routed.messageId }, ...where };
  const thrown = routed.error ?? new SmsError({ code: -1, message: routed.status === 'unknown' ? 'No answer after the request was written.' : `No channel took the code (${describePassedOver(routed.passedOver)}).`, retryable: false });
  return { outcome: routed.status === 'unknown' ? 'unknown' : 'failed', thrown, ...where };
}

/** `main: failover 2001, backup: template`, for the send log and the error. */
export function describePassedOver(passedOver: readonly PassedOver[]): string {
  return passedOver.map((p) => `${p.channel}: ${p.reason}${p.code === undefined ? '' : ` ${p.code}`}`).join(', ') || 'no channel';
}
