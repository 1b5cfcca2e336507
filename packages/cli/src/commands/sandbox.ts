import { isReceiptStatus } from '@smskit/core';
import { createSandbox, loadTemplatesFile, type DeliveryRule, type RunningSandbox, type Sandbox, type SandboxOptions, type TemplateDefinition } from '@smskit/sandbox';
import { InvalidArgumentError, type Command } from 'commander';
import { stopRequested, UsageError, type CliIo } from '../io.js';
import { httpUrl, ipRange, nonEmpty, repeatable, secretValue, wholeNumber } from '../options.js';
import { checkPortClash, providerListenerLines, providerListenerOptions, providerListenersOf, type ProviderListenerFlags } from './sandbox-providers.js';

/**
 * The starting balances of `smskit sandbox`: ten million of each, so a local bulk test (a
 * million numbers, twice) never ends `partial` on 40002 as the library's 10 000 would.
 */
export const SANDBOX_CLI_BALANCE = 10_000_000;

/** The flags of `smskit sandbox`, as commander hands them over. */
export interface SandboxFlags extends ProviderListenerFlags {
  port: number;
  host: string;
  apiKey: string;
  accessKey: string;
  allowIp?: string[];
  allowedHost?: string[];
  templates?: string;
  balance: number;
  clockTolerance: number;
  deliveryDelay: number;
  state?: DeliveryRule[];
  pushUrl?: string;
  replyPushUrl?: string;
  pushTimeout: number;
  rateLimits: boolean;
  quiet?: boolean;
  channelName?: string;
  backupPort?: number;
  backupName?: string;
}

function deliveryRule(text: string): DeliveryRule {
  const match = /^(\d*)=([A-Z]+)$/.exec(text);
  const state = match?.[2];
  if (!match || !state || (state !== 'PENDING' && !isReceiptStatus(state))) {
    throw new InvalidArgumentError(`--state takes DIGITS=STATE with a delivery state (UNDELIV, EXPIRED, …) or PENDING, not "${text}".`);
  }
  return { suffix: match[1] ?? '', state };
}

/** The sandbox's options from the flags (templates loaded separately). */
export function sandboxOptionsOf(flags: SandboxFlags): SandboxOptions {
  return {
    apiKey: flags.apiKey,
    accessKey: flags.accessKey,
    allowedIps: flags.allowIp,
    allowedHosts: flags.allowedHost,
    balance: flags.balance,
    toleranceMs: flags.clockTolerance * 1000,
    deliveryDelayMs: flags.deliveryDelay,
    deliveryRules: flags.state ?? [],
    pushUrl: flags.pushUrl,
    replyPushUrl: flags.replyPushUrl,
    pushTimeoutMs: flags.pushTimeout,
    rateLimits: flags.rateLimits ? undefined : false,
    // With a backup beside it, the first sandbox is the primary channel unless named otherwise.
    channelName: flags.channelName ?? (flags.backupPort === undefined ? undefined : 'primary'),
  };
}

async function templatesFrom(file: string | undefined): Promise<TemplateDefinition[] | undefined> {
  if (file === undefined) return undefined;
  try {
    return await loadTemplatesFile(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(`cannot use --templates ${file}: ${reason}`);
  }
}

const CONTROL_ENDPOINTS = `
Sandbox-only endpoints (outside the platform API; local hosts and same-origin pages only):
  GET  /_sandbox/inbox             the inbox page: messages, receipts, replies
  GET  /_sandbox/messages?phone=   messages sent, newest first, rendered text included
  POST /_sandbox/replies           inject an uplink reply {"tel","content","upExtendCode"?}
  POST /_sandbox/deliver           settle every pending receipt now
  POST /_sandbox/faults            {"fail":N,"failCode":-1,"drop":N,"delay":N,"delayMs":ms,"path"?}
  GET  /_sandbox/state, /_sandbox/pushes, /_sandbox/templates;  POST /_sandbox/reset
State lives in memory: stopping the sandbox loses it.`;

/** Starts one sandbox and prints its line; undefined (and the reason on stderr) when it cannot listen. */
async function startOne(input: { options: SandboxOptions; flags: SandboxFlags; io: CliIo; labelled: boolean }): Promise<RunningSandbox | undefined> {
  const { options, flags, io } = input;
  const channel = options.channelName;
  const log = flags.quiet ? undefined : (entry: object) => io.out(`${JSON.stringify(input.labelled ? { channel, ...entry } : entry)}\n`);
  let sandbox: Sandbox;
  try {
    sandbox = createSandbox({ ...options, log });
  } catch (error) {
    throw new UsageError(`sandbox: ${(error as Error).message}`);
  }
  const count = sandbox.templates().length;
  try {
    const running = await sandbox.listen({ port: flags.port, host: flags.host });
    const name = channel === undefined ? '' : ` (channel ${channel})`;
    io.out(`smskit sandbox${name} listening on ${running.url} (apiKey ${flags.apiKey}, ${count} template${count === 1 ? '' : 's'}; state in memory; inbox ${running.url}/_sandbox/inbox)\n`);
    for (const line of providerListenerLines(running, flags)) io.out(`${line}\n`);
    return running;
  } catch (error) {
    sandbox.close();
    // The port that failed may be the Aliyun or Tencent one, so name the one in the error.
    const failed = error as NodeJS.ErrnoException & { port?: number };
    io.err(`smskit: sandbox cannot listen on ${flags.host}:${failed.port ?? flags.port}: ${failed.code ?? failed.message}\n`);
    return undefined;
  }
}

/**
 * `smskit sandbox`: the whole platform, locally, until SIGINT, SIGTERM or `io.signal`. Prints
 * one line with the URL once it accepts connections, then one JSON line per request unless
 * `--quiet`. Exit code 0 after a clean stop, 2 for a usage mistake (bad flag, unreadable
 * templates), 1 when it cannot listen.
 */
export function registerSandbox(program: Command, io: CliIo): void {
  const command = program
    .command('sandbox')
    .description('run the SMS platform API locally (sends, receipts, statistics, balance, pushes, an inbox page)')
    .option('-p, --port <n>', 'port to listen on (0: any free port)', wholeNumber('--port', { max: 65_535 }), 8787)
    .option('--host <addr>', 'address to listen on', '127.0.0.1')
    .option('--api-key <key>', "the account's apiKey", nonEmpty('--api-key'), 'sandbox-api-key')
    .option('--access-key <secret>', "the account's accessKey (never printed)", secretValue(nonEmpty('--access-key')), 'sandbox-access-key')
    .option('--allow-ip <cidr>', 'IP allowlist entry, repeatable (else any IP; others get 2000)', repeatable(ipRange))
    .option('--allowed-host <name>', 'a host name (or .suffix) the /_sandbox endpoints also answer for, besides IPs and localhost; repeatable', repeatable(nonEmpty('--allowed-host')))
    .option('--templates <file>', 'JSON array of {"code","signature","text","balance"?,"limits"?} replacing the default templates 100001–100005')
    .option('--balance <n>', 'starting balance of each of 行业短信/会员短信/推广短信 (set it low to try 40002)', wholeNumber('--balance'), SANDBOX_CLI_BALANCE)
    .option('--clock-tolerance <s>', 'accepted x-timestamp skew, seconds', wholeNumber('--clock-tolerance', { max: 86_400 }), 60)
    .option('--delivery-delay <ms>', "time until a message's receipt; 0: at once", wholeNumber('--delivery-delay'), 2000)
    .option('--state <digits=STATE>', 'numbers ending in <digits> end in STATE (UNDELIV, EXPIRED, REJECTD, … or PENDING for no receipt), repeatable; others DELIVRD', repeatable(deliveryRule))
    .option('--push-url <url>', 'push receipts to this URL', secretValue(httpUrl('--push-url')))
    .option('--reply-push-url <url>', 'push uplink replies to this URL', secretValue(httpUrl('--reply-push-url')))
    .option('--push-timeout <ms>', 'a push slower than this counts as slow; three slow pushes in a row stop pushing', wholeNumber('--push-timeout', { min: 1 }), 1000)
    .option('--no-rate-limits', 'turn off the per-endpoint limits (answered with 6000)')
    .option('--quiet', 'no request log (one JSON line per request on stdout)')
    .option('--channel-name <name>', 'the channel this sandbox plays, shown in its inbox (default "primary" with --backup-port)', nonEmpty('--channel-name'))
    .option('--backup-port <n>', 'also run a second sandbox (same account and templates, its own state and faults) on this port: the backup channel', wholeNumber('--backup-port', { max: 65_535 }))
    .option('--backup-name <name>', "the backup sandbox's channel name", nonEmpty('--backup-name'), 'backup');
  providerListenerOptions(command)
    .addHelpText('after', CONTROL_ENDPOINTS)
    .action(async (flags: SandboxFlags) => {
      const listeners = providerListenersOf(flags);
      checkPortClash({ '--port': flags.port, '--backup-port': flags.backupPort, '--aliyun-port': flags.aliyunPort, '--tencent-port': flags.tencentPort });
      const templates = await templatesFrom(flags.templates);
      const primary = sandboxOptionsOf(flags);
      // Only the primary carries the Aliyun and Tencent listeners: the backup plays infocloud only.
      const wanted: { options: SandboxOptions; port: number }[] = [{ options: { ...primary, ...listeners }, port: flags.port }];
      if (flags.backupPort !== undefined) wanted.push({ options: { ...primary, channelName: flags.backupName ?? 'backup' }, port: flags.backupPort });
      const running: RunningSandbox[] = [];
      try {
        for (const { options, port } of wanted) {
          const started = await startOne({ options: { ...options, templates }, flags: { ...flags, port }, io, labelled: wanted.length > 1 });
          if (started === undefined) {
            process.exitCode = 1;
            break;
          }
          running.push(started);
        }
      } finally {
        // The backup failing to start stops the primary too: half a pair would mislead the demo.
        if (running.length < wanted.length) await Promise.all(running.map((r) => r.close()));
      }
      if (running.length < wanted.length) return;
      await stopRequested(io.signal);
      await Promise.all(running.map((r) => r.close()));
    });
}
