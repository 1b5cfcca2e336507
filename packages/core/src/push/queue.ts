import fastq from 'fastq';

/** One accepted push batch waiting for the user's handler. */
export interface PushJob {
  /** Runs the user's handler; rejects when it fails. */
  run: () => Promise<void>;
  /** Called when `run` failed; must not throw. */
  fail: (error: unknown) => void;
}

/**
 * The in-process queue between the ack and the user's handler: bounded, so a handler slower
 * than the pushes cannot grow memory without end, and with a fixed concurrency. Work still in
 * it is lost if the process dies — that is the price of answering the platform first.
 */
export class PushQueue {
  private readonly queue: fastq.queueAsPromised<PushJob, void>;

  constructor(private readonly options: { concurrency: number; maxQueued: number }) {
    this.queue = fastq.promise(runJob, options.concurrency);
  }

  /** Accepts a job unless the queue is full; the job starts after the current response is sent. */
  offer(job: PushJob): boolean {
    if (this.queue.length() >= this.options.maxQueued) return false;
    void this.queue.push(job);
    return true;
  }

  /** Jobs waiting plus jobs running. */
  get pending(): number {
    return this.queue.length() + this.queue.running();
  }

  /** Resolves once every accepted job has finished. */
  async idle(): Promise<void> {
    while (!this.queue.idle()) await this.queue.drained();
  }
}

async function runJob(job: PushJob): Promise<void> {
  // fastq starts a job synchronously when a slot is free: yield first, so a handler that
  // blocks the event loop runs after the ack has been written, not before
  await new Promise<void>((resolve) => setImmediate(resolve));
  try {
    await job.run();
  } catch (error) {
    try {
      job.fail(error);
    } catch (hookError) {
      console.error('smskit: the push onError hook threw', hookError);
    }
  }
}
