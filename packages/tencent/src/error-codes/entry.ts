/**
 * How the router treats a failure (the channel seam's four classes): `retry` — this channel did
 * not take the request; `failover` — this channel cannot serve now; `stop` — the request or the
 * recipient is the problem on every channel; `unknown` — written, no answer: never retried.
 */
export type TencentFailureClass = 'retry' | 'failover' | 'stop' | 'unknown';

/** One entry of the Tencent catalogue. */
export interface TencentCodeEntry {
  /** The platform's own wording (Chinese). */
  readonly message: string;
  /** The message in English. */
  readonly messageEn: string;
  /** How the router treats it. */
  readonly class: TencentFailureClass;
  /** How a developer fixes it. */
  readonly hint: string;
}
