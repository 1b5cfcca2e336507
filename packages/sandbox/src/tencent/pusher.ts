/** One push of the Tencent sandbox, as `onPush` sees it (no secrets in it). */
export interface TencentPushAttempt {
  /** Which callback. */
  kind: 'receipts' | 'replies';
  /** Where it went. */
  url: string;
  /** The HTTP status, or the reason no answer came. */
  outcome: number | 'timeout' | 'error';
  /** Whether Tencent's `{"result":0}` came back. */
  acknowledged: boolean;
}

/**
 * Posts callbacks in Tencent's format, one at a time, each with a timeout; a push that fails is
 * not repeated (the receipts stay pullable with PullSmsSendStatus).
 */
export class TencentPusher {
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly options: { timeoutMs: number; onAttempt?: (attempt: TencentPushAttempt) => void }) {}

  /** Queues one push. */
  enqueue(push: { kind: 'receipts' | 'replies'; url: string; body: unknown }): void {
    this.chain = this.chain.then(() => this.post(push));
  }

  /** Resolves once every queued push was tried. */
  idle(): Promise<void> {
    return this.chain;
  }

  private async post(push: { kind: 'receipts' | 'replies'; url: string; body: unknown }): Promise<void> {
    let attempt: TencentPushAttempt;
    try {
      const response = await fetch(push.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(push.body), signal: AbortSignal.timeout(this.options.timeoutMs) });
      const text = await response.text();
      let acknowledged = false;
      try {
        acknowledged = (JSON.parse(text) as { result?: unknown }).result === 0;
      } catch {
        acknowledged = false;
      }
      attempt = { kind: push.kind, url: push.url, outcome: response.status, acknowledged };
    } catch (error) {
      attempt = { kind: push.kind, url: push.url, outcome: (error as Error).name === 'TimeoutError' ? 'timeout' : 'error', acknowledged: false };
    }
    this.options.onAttempt?.(attempt);
  }
}
