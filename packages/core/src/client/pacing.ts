import { SmsError } from '../errors.js';

/** Called when a request's answer (or failure) came. */
export type Release = () => void;

/** Lets a request leave; the release is called once its answer (or failure) came. */
export interface Pacer {
  /**
   * Resolves when the request may leave.
   *
   * @param signal - gives up waiting when it aborts (the promise rejects with its reason).
   */
  acquire(signal?: AbortSignal): Promise<Release>;
  /** Rejects every waiting request. */
  close(): void;
}

/** The error of a request that was waiting for its turn when its pacer was closed. */
export function pacerClosedError(): SmsError {
  return new SmsError({ code: -1, message: 'The client was closed while this request waited for its turn.', hint: 'Call close() only after every call has settled.', retryable: false });
}

/**
 * Runs `onAbort` if `signal` aborts before `settle` is called; `settle` detaches it. Lets a
 * pacer drop a waiter without keeping a listener on a long-lived signal.
 */
export function onAbort(signal: AbortSignal | undefined, onAbort: (reason: unknown) => void): () => void {
  if (signal === undefined) return noop;
  const listener = (): void => onAbort(signal.reason);
  signal.addEventListener('abort', listener, { once: true });
  return () => signal.removeEventListener('abort', listener);
}

function noop(): void {}
