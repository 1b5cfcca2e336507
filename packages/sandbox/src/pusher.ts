/** How one push attempt went. */
export interface PushAttempt {
  /** Which push. */
  kind: 'receipts' | 'replies';
  /** Where it went. */
  url: string;
  /** How many items it carried. */
  items: number;
  /** `ok`: answered 2xx in time; `slow`: no answer within the limit; `failed`: an error status or no connection; `skipped`: pushing had stopped. */
  outcome: 'ok' | 'slow' | 'failed' | 'skipped';
  /** The HTTP status, when there was an answer. */
  status?: number;
  /** When it started, ms since the epoch. */
  at: number;
}

/** What the sandbox's receipt and reply pusher reports about itself. */
export interface PushStatus {
  /** True after `maxSlow` slow pushes in a row: nothing is pushed until resumed. */
  stopped: boolean;
  /** Slow pushes in a row so far. */
  consecutiveSlow: number;
  /** Pushes waiting to be sent. */
  queued: number;
}

interface Job {
  kind: 'receipts' | 'replies';
  url: string;
  body: { apiKey: string; data: unknown[] };
}

/**
 * Pushes to the customer's URLs as the platform does (SPEC §3): one push at a time, a push not
 * answered within `timeoutMs` is abandoned and counts as slow, and after `maxSlow` slow pushes
 * in a row pushing stops (until {@link Pusher.resume}). A fast answer, whatever its status,
 * ends the streak.
 */
export class Pusher {
  private readonly jobs: Job[] = [];
  private running: Promise<void> | undefined;
  private consecutiveSlow = 0;
  private stopped = false;
  private readonly history: PushAttempt[] = [];

  constructor(
    private readonly options: {
      timeoutMs: number;
      maxSlow: number;
      batchSize: number;
      now: () => number;
      onAttempt?: (attempt: PushAttempt) => void;
    },
  ) {}

  /** Queues items for `url` in pushes of at most `batchSize`. */
  enqueue(push: { kind: 'receipts' | 'replies'; url: string; apiKey: string; data: readonly unknown[] }): void {
    for (let i = 0; i < push.data.length; i += this.options.batchSize) {
      this.jobs.push({ kind: push.kind, url: push.url, body: { apiKey: push.apiKey, data: push.data.slice(i, i + this.options.batchSize) } });
    }
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
    });
  }

  /** Resolves when every queued push has been tried. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Pushing again after it stopped. */
  resume(): void {
    this.stopped = false;
    this.consecutiveSlow = 0;
  }

  /** Whether pushing stopped, the slow streak, and the queue length. */
  status(): PushStatus {
    return { stopped: this.stopped, consecutiveSlow: this.consecutiveSlow, queued: this.jobs.length };
  }

  /** The most recent attempts, oldest first (at most 500). */
  attempts(): PushAttempt[] {
    return [...this.history];
  }

  /** Drops queued pushes. */
  clear(): void {
    this.jobs.length = 0;
    this.history.length = 0;
  }

  private async drain(): Promise<void> {
    for (let job = this.jobs.shift(); job; job = this.jobs.shift()) {
      const attempt: PushAttempt = { kind: job.kind, url: job.url, items: job.body.data.length, outcome: 'skipped', at: this.options.now() };
      if (!this.stopped) await this.send(job, attempt);
      this.history.push(attempt);
      if (this.history.length > 500) this.history.shift();
      this.options.onAttempt?.(attempt);
    }
  }

  private async send(job: Job, attempt: PushAttempt): Promise<void> {
    try {
      const response = await fetch(job.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(job.body),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      attempt.status = response.status;
      // the body is read under the same deadline: an answer still streaming after it is slow
      await response.arrayBuffer();
      attempt.outcome = response.ok ? 'ok' : 'failed';
      this.consecutiveSlow = 0;
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      attempt.outcome = timedOut ? 'slow' : 'failed';
      if (timedOut && ++this.consecutiveSlow >= this.options.maxSlow) this.stopped = true;
    }
  }
}
