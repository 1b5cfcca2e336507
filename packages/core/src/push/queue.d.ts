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
export declare class PushQueue {
    private readonly options;
    private readonly queue;
    constructor(options: {
        concurrency: number;
        maxQueued: number;
    });
    /** Accepts a job unless the queue is full; the job starts after the current response is sent. */
    offer(job: PushJob): boolean;
    /** Jobs waiting plus jobs running. */
    get pending(): number;
    /** Resolves once every accepted job has finished. */
    idle(): Promise<void>;
}
