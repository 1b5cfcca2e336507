import { SmsError } from '@smskit/core';

/** A store call's outcome: its value, or the failure as a retryable `SmsError` (code -1). */
export type StoreOutcome<T> = { ok: true; value: T } | { ok: false; error: SmsError };

/**
 * Runs one store call with a deadline and never lets it throw. A client that queues commands
 * while it reconnects (ioredis does by default) would otherwise hold a request for as long as
 * the outage lasts; failing after `timeoutMs` is what makes "fail closed" prompt.
 */
export async function callStore<T>(options: { operation: string; timeoutMs: number; call: () => Promise<T> }): Promise<StoreOutcome<T>> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${options.timeoutMs} ms`)), options.timeoutMs);
    timer.unref();
  });
  try {
    const value = await Promise.race([Promise.resolve().then(options.call), deadline]);
    return { ok: true, value };
  } catch (cause) {
    return { ok: false, error: storeError(options.operation, cause) };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The store's failure as an `SmsError`. Only the cause's name and message are kept: a client's
 * error object may carry the command and its arguments, and those include code hashes.
 */
function storeError(operation: string, cause: unknown): SmsError {
  const detail = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
  const plain = new Error(detail);
  return new SmsError({
    code: -1,
    message: `The OTP store failed during ${operation} (${detail}).`,
    hint: 'Check that the store (e.g. Redis) is reachable; requests are refused until it answers again unless failMode is "open".',
    retryable: true,
    cause: plain,
  });
}
