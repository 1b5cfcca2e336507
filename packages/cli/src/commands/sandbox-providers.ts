import type { AliyunSandboxOptions, RunningSandbox, TencentSandboxOptions } from '@smskit/sandbox';
import type { Command } from 'commander';
import { UsageError } from '../io.js';
import { nonEmpty, secretValue, wholeNumber } from '../options.js';

/** The Aliyun and Tencent flags of `smskit sandbox`, as commander hands them over. */
export interface ProviderListenerFlags {
  aliyunPort?: number;
  aliyunAccessKeyId?: string;
  aliyunAccessKeySecret?: string;
  tencentPort?: number;
  tencentSecretId?: string;
  tencentSecretKey?: string;
  tencentSdkAppId?: string;
}

/** Adds the `--aliyun-*` and `--tencent-*` flags (names fixed by the issues: scripts rely on them). */
export function providerListenerOptions(command: Command): Command {
  return command
    .option('--aliyun-port <n>', "also serve Aliyun dysmsapi's RPC API at the root of this port (0: any free port); needs the two flags below", wholeNumber('--aliyun-port', { max: 65_535 }))
    .option('--aliyun-access-key-id <id>', 'the AccessKey id Aliyun requests must name', nonEmpty('--aliyun-access-key-id'))
    .option('--aliyun-access-key-secret <secret>', 'its AccessKey secret (never printed)', secretValue(nonEmpty('--aliyun-access-key-secret')))
    .option('--tencent-port <n>', 'also serve Tencent Cloud SMS API 3.0 at the root of this port (0: any free port); needs the three flags below', wholeNumber('--tencent-port', { max: 65_535 }))
    .option('--tencent-secret-id <id>', 'the SecretId Tencent requests must be signed with', nonEmpty('--tencent-secret-id'))
    .option('--tencent-secret-key <key>', 'its SecretKey (never printed)', secretValue(nonEmpty('--tencent-secret-key')))
    .option('--tencent-sdk-app-id <appid>', 'the one SmsSdkAppId the Tencent listener serves', nonEmpty('--tencent-sdk-app-id'));
}

/** Checks that a listener's port and its credentials come together: one without the other is a mistake. */
function requireTogether(input: { port: number | undefined; portFlag: string; given: Record<string, string | undefined> }): boolean {
  const missing = Object.entries(input.given).filter(([, value]) => value === undefined).map(([flag]) => flag);
  if (input.port !== undefined && missing.length > 0) throw new UsageError(`${input.portFlag} needs ${missing.join(' and ')}`);
  const stray = Object.entries(input.given).find(([, value]) => value !== undefined);
  if (input.port === undefined && stray) throw new UsageError(`${stray[0]} needs ${input.portFlag} (the port its listener serves on)`);
  return input.port !== undefined;
}

/** Refuses two listeners on one fixed port (0 means "any free one", so zeros never clash). */
export function checkPortClash(ports: Record<string, number | undefined>): void {
  const seen = new Map<number, string>();
  for (const [flag, port] of Object.entries(ports)) {
    if (port === undefined || port === 0) continue;
    const other = seen.get(port);
    if (other !== undefined) throw new UsageError(`${other} and ${flag} both ask for port ${port}; give each listener its own`);
    seen.set(port, flag);
  }
}

/** The `aliyun`/`tencent` options of the primary sandbox from the flags; a usage error when half given. */
export function providerListenersOf(flags: ProviderListenerFlags): { aliyun?: AliyunSandboxOptions; tencent?: TencentSandboxOptions } {
  const wantsAliyun = requireTogether({
    port: flags.aliyunPort,
    portFlag: '--aliyun-port',
    given: { '--aliyun-access-key-id': flags.aliyunAccessKeyId, '--aliyun-access-key-secret': flags.aliyunAccessKeySecret },
  });
  const wantsTencent = requireTogether({
    port: flags.tencentPort,
    portFlag: '--tencent-port',
    given: { '--tencent-secret-id': flags.tencentSecretId, '--tencent-secret-key': flags.tencentSecretKey, '--tencent-sdk-app-id': flags.tencentSdkAppId },
  });
  // No `templates` key here: createSandbox hands them the templates file's "platform" entries.
  return {
    ...(wantsAliyun ? { aliyun: { port: flags.aliyunPort, accessKeyId: flags.aliyunAccessKeyId, accessKeySecret: flags.aliyunAccessKeySecret } } : {}),
    ...(wantsTencent
      ? { tencent: { port: flags.tencentPort, secretId: flags.tencentSecretId as string, secretKey: flags.tencentSecretKey as string, sdkAppId: flags.tencentSdkAppId as string } }
      : {}),
  };
}

/** The startup lines of the Aliyun and Tencent listeners: URLs and ids, never a secret. */
export function providerListenerLines(running: RunningSandbox, flags: ProviderListenerFlags): string[] {
  const lines: string[] = [];
  if (running.aliyunUrl !== undefined) lines.push(`smskit sandbox (Aliyun dysmsapi) listening on ${running.aliyunUrl} (AccessKeyId ${flags.aliyunAccessKeyId ?? ''}; inbox ${running.url}/_sandbox/inbox)`);
  if (running.tencentUrl !== undefined) {
    lines.push(`smskit sandbox (Tencent SMS 3.0) listening on ${running.tencentUrl} (SecretId ${flags.tencentSecretId ?? ''}, SdkAppId ${flags.tencentSdkAppId ?? ''}; inbox ${running.url}/_sandbox/inbox)`);
  }
  return lines;
}
