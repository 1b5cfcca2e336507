/** How one chunk ended. `cancelled`: the send was cancelled before the chunk was sent. */
export type ChunkRecordStatus = 'sent' | 'failed' | 'unknown' | 'cancelled';

/** What is recorded of one chunk of a bulk send, once, when it ended. */
export interface ChunkRecord {
  /** The chunk's business id (`<sendId>-<index>`), also its job id; receipts echo it. */
  bid: string;
  /** Its position in the send, from 0. */
  index: number;
  /** How it ended. */
  status: ChunkRecordStatus;
  /** Its numbers, normalised. */
  phones: string[];
  /** The msgId the platform answered (status `sent`). */
  msgId?: string;
  /** Numbers the platform refused (its `failPhones`). */
  failPhones: string[];
  /** The channel that took it (the account's name in the queue). */
  channel: string;
  /** The platform's code when it failed or its outcome is unknown. */
  code?: number;
  /** Why it failed, or why its outcome is unknown. */
  reason?: string;
  /** `'receipt'` when the chunk was `unknown` and a receipt proved it sent. */
  settledBy?: 'receipt';
  /** When it ended, ms since the epoch. */
  at: number;
}

/** Numbers of a bulk send by how they ended. */
export interface NumberCounts {
  /** Accepted by the platform. */
  sent: number;
  /** Surely not sent: refused, or their chunk failed. */
  failed: number;
  /** Their chunk's outcome is unknown: maybe sent. Never re-sent; receipts may settle them. */
  unknown: number;
  /** Not sent because the send was cancelled. */
  cancelled: number;
  /** Not ended yet. */
  pending: number;
}

/** Where a bulk send stands. */
export interface BulkSendStatus {
  /** The send's id. */
  sendId: string;
  /** `running` until every chunk ended; `cancelled` once cancelled (chunks in flight still end). */
  state: 'running' | 'done' | 'cancelled';
  /** Its chunks. */
  chunks: number;
  /** Chunks that ended. */
  chunksDone: number;
  /** Its numbers (valid and distinct). */
  numbers: number;
  /** Numbers by how they ended. */
  counts: NumberCounts;
}

/** A delivery receipt of a number of a bulk send, as recorded. */
export interface RecordedReceipt {
  /** The recipient. */
  phone: string;
  /** The msgId. */
  msgId: string;
  /** The platform's delivery state (`DELIVRD`, `UNDELIV`, …). */
  status: string;
  /** Whether it reached the handset. */
  delivered: boolean;
  /** When it arrived, ms since the epoch, when known. */
  at?: number;
}

/** The job data of one chunk (internal, but visible in BullMQ's own tools). */
export interface ChunkJobData {
  /** The send. */
  sendId: string;
  /** The chunk's position. */
  index: number;
  /** Its numbers. */
  phones: string[];
  /** The template. */
  templateCode: string;
  /** Its values. */
  params?: string[];
}

/** A recorded chunk as read back (Lua's JSON turns an empty array into an object). */
export function chunkRecordOf(raw: string): ChunkRecord {
  const record = JSON.parse(raw) as ChunkRecord;
  if (!Array.isArray(record.failPhones)) record.failPhones = [];
  if (!Array.isArray(record.phones)) record.phones = [];
  return record;
}
