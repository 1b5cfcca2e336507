import type { AliyunSandboxMessage } from './messages.js';

/** One push attempt, for tests and the log. */
export interface AliyunPushAttempt {
  /** `SmsReport` or `SmsUp`. */
  kind: 'SmsReport' | 'SmsUp';
  /** Which try this was, from 1. */
  attempt: number;
  /** True when answered `{"code":0}`. */
  ok: boolean;
}

/**
 * Pushes like Aliyun's HTTP batch push: a JSON array POSTed to the configured URL, accepted
 * only when the receiver answers `{"code":0}`; otherwise tried again after each delay of the
 * schedule, then given up.
 */
export class AliyunPusher {
  private readonly timers = new Set<NodeJS.Timeout>();
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];
  readonly attempts: AliyunPushAttempt[] = [];

  constructor(private readonly options: { retryDelaysMs: readonly number[]; timeoutMs: number }) {}

  /** Queues one push of `items` to `url`, tried first after `afterMs`. */
  push(job: { kind: AliyunPushAttempt['kind']; url: string; items: unknown[]; afterMs?: number }): void {
    this.schedule({ kind: job.kind, url: job.url, items: job.items, attempt: 1 }, job.afterMs ?? 0);
  }

  private schedule(job: { kind: AliyunPushAttempt['kind']; url: string; items: unknown[]; attempt: number }, afterMs: number): void {
    this.inFlight++;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(job).finally(() => this.settle());
    }, afterMs);
    timer.unref();
    this.timers.add(timer);
  }

  private async attempt(job: { kind: AliyunPushAttempt['kind']; url: string; items: unknown[]; attempt: number }): Promise<void> {
    let ok = false;
    try {
      const response = await fetch(job.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(job.items), signal: AbortSignal.timeout(this.options.timeoutMs) });
      const answer = (await response.json().catch(() => undefined)) as { code?: unknown } | undefined;
      ok = response.ok && answer?.code === 0;
    } catch {
      ok = false;
    }
    this.attempts.push({ kind: job.kind, attempt: job.attempt, ok });
    const delay = this.options.retryDelaysMs[job.attempt - 1];
    if (!ok && delay !== undefined) this.schedule({ ...job, attempt: job.attempt + 1 }, delay);
  }

  private settle(): void {
    this.inFlight--;
    if (this.inFlight === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  /** Resolves once nothing is queued or being tried. */
  idle(): Promise<void> {
    return this.inFlight === 0 ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Cancels every queued push. */
  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.inFlight = 0;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}

function chinaTime(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** A delivered message as one item of Aliyun's SmsReport push. */
export function smsReportItem(message: AliyunSandboxMessage): Record<string, unknown> {
  return {
    phone_number: message.phone,
    send_time: chinaTime(message.sentAt),
    report_time: chinaTime(message.deliverAt),
    success: true,
    err_code: 'DELIVERED',
    err_msg: '用户接收成功',
    sms_size: String(Math.max(1, Math.ceil([...message.content].length / 67))),
    biz_id: message.bizId,
    out_id: message.outId ?? '',
  };
}
