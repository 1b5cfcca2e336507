/** What became of a request: sent, failed at the provider, or stopped by smskit before sending. */
export type SendOutcome = 'sent' | 'failed' | 'blocked';

/**
 * One line of the send log (SPEC §8): what operators read when a message did not arrive. Holds
 * the number masked unless configured otherwise, and never the code.
 */
export interface SendLogRecord {
  /** The request's id (also returned to the caller). */
  id: string;
  /** Verification code or notification. */
  type: 'verification' | 'notification';
  /**
   * Which channel (provider account) sent it. Sent through a router: the channel that carried
   * it, refused it for good (`stop`), or may have sent it (outcome unknown).
   */
  channel: string;
  /** Sent through a router: each channel before `channel` that did not take it, and why. */
  passedOver?: SendLogPassedOver[];
  /** The recipient's number, masked by default (`138****8000`). */
  phone: string;
  /** The business scene, e.g. `login`. */
  scene?: string;
  /** The template used. */
  templateCode?: string;
  /** When, ms since the epoch. */
  time: number;
  /** What became of it. */
  result: SendOutcome;
  /** The provider's answer, or why smskit stopped it (e.g. `limit phone-daily`). */
  remark?: string;
  /** The provider's message id, when sent. */
  msgId?: string;
  /** The client IP that asked, when known. */
  ip?: string;
}

/** A channel the router passed over for a send-log record: its name, why, and the provider's code. */
export interface SendLogPassedOver {
  /** The channel's name. */
  channel: string;
  /** Why (`failover`, `retry-exhausted`, `breaker-open`, `template`, `capability`). */
  reason: string;
  /** The provider's code, when it answered one. */
  code?: string;
}

/** Where send-log records go. Appending is fire-and-remember: no read-modify-write involved. */
export interface SendLogStore {
  /** Adds a record (newest first); old records may be dropped to keep the log bounded. */
  append(record: SendLogRecord): Promise<void>;
  /** The newest records, newest first. */
  recent(limit?: number): Promise<SendLogRecord[]>;
}

/** Options of {@link MemorySendLog}. */
export interface MemorySendLogOptions {
  /**
   * Most records kept; the oldest go first.
   * @defaultValue 10_000
   */
  capacity?: number;
}

/** An in-process, capped {@link SendLogStore}. */
export class MemorySendLog implements SendLogStore {
  private readonly records: SendLogRecord[] = [];
  private readonly capacity: number;

  constructor(options: MemorySendLogOptions = {}) {
    this.capacity = options.capacity ?? 10_000;
  }

  /** {@inheritDoc SendLogStore.append} */
  append(record: SendLogRecord): Promise<void> {
    // A copy: the caller's object (and its passedOver list) may change after it was logged.
    this.records.push(record.passedOver === undefined ? { ...record } : { ...record, passedOver: record.passedOver.map((p) => ({ ...p })) });
    // Trim in batches so a full log does not shift the whole array on every append.
    if (this.records.length > this.capacity * 1.25 + 16) this.records.splice(0, this.records.length - this.capacity);
    return Promise.resolve();
  }

  /** {@inheritDoc SendLogStore.recent} */
  recent(limit = 100): Promise<SendLogRecord[]> {
    const newest = this.records.slice(-Math.min(limit, this.capacity)).reverse();
    return Promise.resolve(newest);
  }
}

/** `13800138000` → `138****8000`: the first 3 and last 4 digits, the rest hidden. */
export function maskPhone(phone: string): string {
  if (phone.length <= 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}
