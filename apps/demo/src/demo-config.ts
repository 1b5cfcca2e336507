import { randomBytes } from 'node:crypto';
import type { OtpLimits } from '@smskit/otp';

/** The OTP limits the demo runs with: SPEC §7's defaults, spelled out so the page can show them. */
export const DEMO_LIMITS = {
  /** One code per number (and scene) a minute: the cool-down. */
  phoneScene: { max: 1, windowMs: 60_000 },
  /** Codes per number per calendar day (Asia/Shanghai). */
  phoneDaily: 10,
  /** Codes asked for from one IP address in an hour. */
  ipHourly: { max: 10, windowMs: 3_600_000 },
} as const satisfies OtpLimits;

/** Everything the demo needs to start; {@link demoConfigFromEnv} reads it from the environment. */
export interface DemoConfig {
  /** The address both servers listen on. @defaultValue `'127.0.0.1'` */
  host: string;
  /** The app's port; 0 picks a free one. @defaultValue 3000 (`PORT`) */
  appPort: number;
  /** The primary channel's sandbox port; 0 picks a free one. @defaultValue 8787 (`SANDBOX_PORT`) */
  sandboxPort: number;
  /** The backup channel's sandbox port; 0 picks a free one. @defaultValue 8788 (`BACKUP_SANDBOX_PORT`) */
  backupSandboxPort: number;
  /** Keep OTP limits, codes and the send log in this Redis instead of memory (`REDIS_URL`). */
  redisUrl?: string;
  /** What the demo's Redis keys start with. @defaultValue `'smskit-demo'` */
  redisKeyPrefix?: string;
  /**
   * The key codes are hashed with (`OTP_SECRET`). Several instances sharing a Redis need the
   * same one. @defaultValue random for each run
   */
  otpSecret: string;
  /** The OTP limits. @defaultValue {@link DEMO_LIMITS} */
  limits: OtpLimits;
  /** How long the sandbox waits before a message is "delivered", ms. @defaultValue 2000 */
  deliveryDelayMs: number;
  /** The clock of the OTP service (tests move it forward). @defaultValue `Date.now` */
  now?: () => number;
  /** Where the demo's one-line reports go; codes are never among them. @defaultValue `console.log` */
  log: (line: string) => void;
}

function port(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65_535) throw new Error(`${name} must be a port number (0–65535), not "${value}".`);
  return parsed;
}

/** The demo's configuration from `PORT`, `SANDBOX_PORT`, `BACKUP_SANDBOX_PORT`, `REDIS_URL` and `OTP_SECRET`. */
export function demoConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DemoConfig {
  return {
    host: '127.0.0.1',
    appPort: port('PORT', env.PORT, 3000),
    sandboxPort: port('SANDBOX_PORT', env.SANDBOX_PORT, 8787),
    backupSandboxPort: port('BACKUP_SANDBOX_PORT', env.BACKUP_SANDBOX_PORT, 8788),
    redisUrl: env.REDIS_URL || undefined,
    otpSecret: env.OTP_SECRET || randomBytes(32).toString('base64url'),
    limits: DEMO_LIMITS,
    deliveryDelayMs: 2000,
    log: (line) => console.log(line),
  };
}
