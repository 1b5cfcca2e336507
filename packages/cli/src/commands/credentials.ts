import type { SmsClientOptions } from '@smskit/core';
import { UsageError, type CliIo } from '../io.js';

/** The environment variables the platform commands read; `SMSKIT_BASE_URL` is optional (the platform by default). */
export const PLATFORM_ENV = ['SMSKIT_API_KEY', 'SMSKIT_ACCESS_KEY', 'SMSKIT_BASE_URL'] as const;

const REQUIRED_ENV = ['SMSKIT_API_KEY', 'SMSKIT_ACCESS_KEY'] as const;

/**
 * The account a platform command (`send`, `receipts`, `balance`, `stats`) uses, from the
 * environment: secrets stay out of shell history and `ps`.
 *
 * @throws {@link UsageError} naming what is missing, or a base URL that is not one.
 */
export function credentialsFrom(env: CliIo['env'], command: string): Pick<SmsClientOptions, 'apiKey' | 'accessKey' | 'baseUrl'> {
  const missing = REQUIRED_ENV.filter((name) => !env[name]);
  if (missing.length > 0) throw new UsageError(`${command} needs ${missing.join(' and ')} in the environment`);
  const baseUrl = env.SMSKIT_BASE_URL;
  if (baseUrl && !URL.canParse(baseUrl)) throw new UsageError(`SMSKIT_BASE_URL "${baseUrl}" is not a URL`);
  // Without SMSKIT_BASE_URL the client's own default applies: the real platform.
  return { apiKey: env.SMSKIT_API_KEY as string, accessKey: env.SMSKIT_ACCESS_KEY as string, ...(baseUrl ? { baseUrl } : {}) };
}
