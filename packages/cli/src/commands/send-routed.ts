/*
 * `smskit send --config FILE`: the same command, through the channel router of a config file
 * instead of one platform's client. Kept apart from send.ts, which stays the single-platform
 * path when no --config is given.
 */
import { ChannelRouter, toRoutableNumber, type RouteResult, type RoutedNumber, type SmsError } from '@smskit/core';
import { loadChannels } from '../channels/load-config.js';
import { printJson, UsageError, type CliIo } from '../io.js';

/** The flags of `smskit send` that matter with `--config`. */
export interface RoutedSendFlags {
  config: string;
  template: string;
  phones: readonly string[];
  param?: readonly string[];
  bid?: string;
  upExtendCode?: string;
  skipInvalid?: boolean;
  json?: boolean;
}

function errorJson(error: SmsError | undefined): Record<string, unknown> | undefined {
  return error === undefined ? undefined : { code: error.code, message: error.message, hint: error.hint };
}

/** `--param name=value` pairs as the named values of a logical template. */
export function namedValues(params: readonly string[] = []): Record<string, string> {
  const values: Record<string, string> = {};
  for (const param of params) {
    const at = param.indexOf('=');
    const name = at > 0 ? param.slice(0, at) : '';
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) throw new UsageError(`with --config, --param takes NAME=VALUE (a value the template names, e.g. code=123456), not "${param}"`);
    if (Object.hasOwn(values, name)) throw new UsageError(`--param ${name} is given twice`);
    values[name] = param.slice(at + 1);
  }
  return values;
}

/** A routed result as plain JSON: every number with the channel that took it and why earlier ones did not. */
export function routeResultJson(result: RouteResult): Record<string, unknown> {
  return {
    status: result.status,
    template: result.template,
    numbers: result.numbers.map((n) => ({
      number: n.number,
      status: n.status,
      channel: n.channel ?? null,
      ...(n.failure === undefined ? {} : { failure: n.failure }),
      ...(n.messageId === undefined ? {} : { messageId: n.messageId }),
      ...(n.idempotencyKey === undefined ? {} : { idempotencyKey: n.idempotencyKey }),
      ...(n.code === undefined ? {} : { code: n.code }),
      ...(n.error === undefined ? {} : { error: errorJson(n.error) }),
      passedOver: n.passedOver.map((p) => ({ channel: p.channel, reason: p.reason, ...(p.code === undefined ? {} : { code: p.code }), ...(p.error === undefined ? {} : { error: errorJson(p.error) }) })),
    })),
    invalid: result.invalid,
    duplicates: result.duplicates,
  };
}

function numberLine(n: RoutedNumber): string {
  const passed = n.passedOver.length === 0 ? '' : `; passed over ${n.passedOver.map((p) => `${p.channel} (${p.reason}${p.code === undefined ? '' : ` ${p.code}`}${p.error === undefined ? '' : `: ${p.error.message}`})`).join(', ')}`;
  if (n.status === 'sent') return `${n.number}: sent by ${n.channel ?? '?'}, msgId ${n.messageId ?? '(none)'}${passed}`;
  const why = n.error === undefined ? '' : ` — ${n.error.code} ${n.error.message}`;
  if (n.status === 'unknown') return `${n.number}: UNKNOWN at ${n.channel ?? '?'}${why}. Check receipts for ${n.idempotencyKey ?? 'its key'} before sending again${passed}`;
  return `${n.number}: failed (${n.failure ?? 'failover'}${n.channel === undefined ? ', no channel took it' : ` at ${n.channel}`})${why}${passed}`;
}

/** Sends a logical template through the config file's channels, printing one line per number (or JSON). */
export async function sendRouted(flags: RoutedSendFlags, io: CliIo): Promise<void> {
  if (flags.upExtendCode !== undefined) throw new UsageError('with --config, the extension code is a template field (upExtendCode), not --up-extend-code');
  const values = namedValues(flags.param);
  const malformed = flags.phones.filter((phone) => toRoutableNumber(phone) === undefined);
  // As without --config: a malformed number refuses the whole send unless asked to skip it.
  if (malformed.length > 0 && !flags.skipInvalid) throw new UsageError(`not a phone number: ${malformed.slice(0, 10).join(', ')} (nothing sent; --skip-invalid sends the others)`);
  const { channels, config } = await loadChannels(flags.config, io);
  const router = new ChannelRouter({ channels, templates: config.templates });
  let result: RouteResult;
  try {
    if (!config.templates.some((t) => t.name === flags.template)) throw new UsageError(`${flags.config}: no template "${flags.template}" (templates: ${config.templates.map((t) => t.name).join(', ') || 'none'})`);
    result = await router.send({ template: flags.template, to: flags.phones, values, ...(flags.bid === undefined ? {} : { idempotencyKey: flags.bid }) });
  } finally {
    await router.close();
  }
  if (flags.json) printJson(io, routeResultJson(result));
  else {
    for (const n of result.numbers) io.out(`${numberLine(n)}\n`);
    if (result.duplicates > 0) io.out(`repeated numbers dropped: ${result.duplicates}\n`);
    if (result.invalid.length > 0) io.out(`malformed numbers skipped: ${result.invalid.map((i) => i.input).join(', ')}\n`);
    io.out(`${result.status}\n`);
  }
  if (result.status !== 'sent') process.exitCode = 1;
}
