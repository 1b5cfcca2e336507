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

/** A request waiting in a pacer's queue for its turn. */
export interface Waiter {
  /** Lets it leave. */
  resolve: (release: Release) => void;
  /** Fails it. */
  reject: (error: unknown) => void;
  /** Drops its abort listener. */
  detach: () => void;
  /** The caller's signal, for a pacer that hands the waiter on. */
  signal: AbortSignal | undefined;
}

/**
 * The waiting both window pacers share: refused at once when the pacer is closed or the signal
 * already aborted; otherwise queued (and taken out again, rejected with the signal's reason, if
 * it aborts first) and `pump` called to serve the queue.
 */
export function queueForTurn(input: { queue: Waiter[]; closed: boolean; signal: AbortSignal | undefined; pump: () => void }): Promise<Release> {
  const { queue, signal } = input;
  if (input.closed) return Promise.reject(pacerClosedError());
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise<Release>((resolve, reject) => {
    const waiter: Waiter = {
      resolve,
      reject,
      signal,
      detach: onAbort(signal, (reason) => {
        const at = queue.indexOf(waiter);
        if (at >= 0) queue.splice(at, 1);
        reject(reason);
      }),
    };
    queue.push(waiter);
    input.pump();
  });
}

/** Empties a closed pacer's queue: every waiter is rejected with {@link pacerClosedError}. */
export function rejectWaiters(queue: Waiter[]): void {
  for (const waiter of queue.splice(0)) {
    waiter.detach();
    waiter.reject(pacerClosedError());
  }
}
