import { parseArgs } from 'node:util';
import { isReceiptStatus } from '@smskit/core';
import type { DeliveryRule } from './delivery.js';
import type { SandboxOptions } from './options.js';
import { createSandbox, type RunningSandbox } from './sandbox.js';
import { loadTemplatesFile, type TemplateDefinition } from './templates.js';

/** The `--help` text of `smskit sandbox`. */
export const SANDBOX_HELP = `Usage: smskit sandbox [options]

Runs the SMS platform API locally (send, sendBatch, receipts, statistics, balance,
health, pushes). State lives in memory: stopping the sandbox loses it.

Options:
  -p, --port <n>              port to listen on (0: any free port)          [default: 8787]
      --host <addr>           address to listen on                          [default: 127.0.0.1]
      --api-key <key>         the account's apiKey                          [default: sandbox-api-key]
      --access-key <secret>   the account's accessKey (never printed)       [default: sandbox-access-key]
      --allow-ip <cidr>       IP allowlist entry, repeatable (else any IP; others get 2000)
      --templates <file>      JSON array of {"code","signature","text","balance"?,"limits"?}
                              replacing the default templates 100001–100005
      --balance <n>           starting balance of each of 行业短信/会员短信/推广短信 [default: 10000]
      --clock-tolerance <s>   accepted x-timestamp skew, seconds            [default: 60]
      --delivery-delay <ms>   time until a message's receipt; 0: at once     [default: 2000]
      --state <digits=STATE>  numbers ending in <digits> end in STATE (UNDELIV, EXPIRED,
                              REJECTD, … or PENDING for no receipt), repeatable; others DELIVRD
      --push-url <url>        push receipts to this URL
      --reply-push-url <url>  push uplink replies to this URL
      --push-timeout <ms>     a push slower than this counts as slow; three slow
                              pushes in a row stop pushing                  [default: 1000]
      --no-rate-limits        turn off the per-endpoint limits (answered with 6000)
      --quiet                 no request log (one JSON line per request on stdout)
  -h, --help                  show this help

Sandbox-only endpoints (outside the platform API):
  GET  /_sandbox/messages?phone=   messages sent, newest first, rendered text included
  POST /_sandbox/replies           inject an uplink reply {"tel","content","upExtendCode"?}
  POST /_sandbox/deliver           settle every pending receipt now
  POST /_sandbox/faults            {"fail":N,"failCode":-1,"drop":N,"delay":N,"delayMs":ms,"path"?}
  GET  /_sandbox/state, /_sandbox/pushes, /_sandbox/templates;  POST /_sandbox/reset
`;

/** What the command line asked for. */
export type SandboxCommand = { help: true } | { help: false; port: number; host: string; options: SandboxOptions; templatesFile?: string; quiet: boolean };

function integer(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text)) throw new Error(`--${name} takes a whole number, not "${text}".`);
  return Number(text);
}

function deliveryRule(text: string): DeliveryRule {
  const match = /^(\d*)=([A-Z]+)$/.exec(text);
  const state = match?.[2];
  if (!match || !state || (state !== 'PENDING' && !isReceiptStatus(state))) {
    throw new Error(`--state takes DIGITS=STATE with a delivery state (UNDELIV, EXPIRED, …) or PENDING, not "${text}".`);
  }
  return { suffix: match[1] ?? '', state };
}

/**
 * Reads `smskit sandbox` arguments (without the command name).
 *
 * @throws Error saying which argument is wrong.
 */
export function parseSandboxArgs(argv: readonly string[]): SandboxCommand {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    allowNegative: true,
    options: {
      port: { type: 'string', short: 'p' },
      host: { type: 'string' },
      'api-key': { type: 'string' },
      'access-key': { type: 'string' },
      'allow-ip': { type: 'string', multiple: true },
      templates: { type: 'string' },
      balance: { type: 'string' },
      'clock-tolerance': { type: 'string' },
      'delivery-delay': { type: 'string' },
      state: { type: 'string', multiple: true },
      'push-url': { type: 'string' },
      'reply-push-url': { type: 'string' },
      'push-timeout': { type: 'string' },
      'rate-limits': { type: 'boolean', default: true },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return { help: true };
  const port = integer('port', values.port, 8787);
  if (port > 65535) throw new Error(`--port ${port} is not a port.`);
  for (const url of [values['push-url'], values['reply-push-url']]) {
    if (url !== undefined && !/^https?:\/\/./.test(url)) throw new Error(`Push URLs are http(s) URLs, not "${url}".`);
  }
  const options: SandboxOptions = {
    apiKey: values['api-key'],
    accessKey: values['access-key'],
    allowedIps: values['allow-ip'],
    balance: values.balance === undefined ? undefined : integer('balance', values.balance, 0),
    toleranceMs: integer('clock-tolerance', values['clock-tolerance'], 60) * 1000,
    deliveryDelayMs: integer('delivery-delay', values['delivery-delay'], 2000),
    deliveryRules: (values.state ?? []).map(deliveryRule),
    pushUrl: values['push-url'],
    replyPushUrl: values['reply-push-url'],
    pushTimeoutMs: integer('push-timeout', values['push-timeout'], 1000),
    rateLimits: values['rate-limits'] ? undefined : false,
  };
  if (options.apiKey === '' || options.accessKey === '') throw new Error('--api-key and --access-key may not be empty.');
  return { help: false, port, host: values.host ?? '127.0.0.1', options, templatesFile: values.templates, quiet: values.quiet };
}

/** Where the CLI writes, and how it is stopped (tests pass their own). */
export interface SandboxCliIo {
  /** Writes a line to stdout. @defaultValue `process.stdout` */
  out?: (line: string) => void;
  /** Writes a line to stderr. @defaultValue `process.stderr` */
  err?: (line: string) => void;
  /** Stops the sandbox when aborted; SIGINT and SIGTERM always do. */
  signal?: AbortSignal;
  /** Called once the sandbox accepts connections. */
  onListening?: (running: RunningSandbox) => void;
}

/**
 * Runs `smskit sandbox` until SIGINT, SIGTERM or `io.signal`: prints one line with the URL once
 * it accepts connections, then one JSON line per request unless `--quiet`. Resolves with the
 * exit code: 0 after a clean stop, 2 for bad arguments, 1 when it cannot start.
 */
export async function runSandboxCli(argv: readonly string[], io: SandboxCliIo = {}): Promise<number> {
  const out = io.out ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const err = io.err ?? ((line: string) => void process.stderr.write(`${line}\n`));
  let command: SandboxCommand;
  try {
    command = parseSandboxArgs(argv);
  } catch (error) {
    err(`smskit sandbox: ${error instanceof Error ? error.message : String(error)}\nRun "smskit sandbox --help" for the options.`);
    return 2;
  }
  if (command.help) {
    out(SANDBOX_HELP);
    return 0;
  }
  let running: RunningSandbox;
  let templates: TemplateDefinition[] | undefined;
  try {
    templates = command.templatesFile === undefined ? undefined : await loadTemplatesFile(command.templatesFile);
    const sandbox = createSandbox({ ...command.options, templates, log: command.quiet ? undefined : (entry) => out(JSON.stringify(entry)) });
    running = await sandbox.listen({ port: command.port, host: command.host });
    const count = sandbox.templates().length;
    out(`smskit sandbox listening on ${running.url} (apiKey ${command.options.apiKey ?? 'sandbox-api-key'}, ${count} template${count === 1 ? '' : 's'}; state in memory; inbox ${running.url}/_sandbox/inbox)`);
  } catch (error) {
    err(`smskit sandbox: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  io.onListening?.(running);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      io.signal?.removeEventListener('abort', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    if (io.signal?.aborted) stop();
    else io.signal?.addEventListener('abort', stop);
  });
  await running.close();
  return 0;
}
