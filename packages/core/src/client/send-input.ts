import type { ChunkResult } from './send-result.js';

/** Where a bulk send stands when one of its requests has ended; see {@link SendCommon.onChunk}. */
export interface SendProgress {
  /** Requests ended so far, this one included. */
  done: number;
  /** Requests the send has in all (numbers split by 1000). */
  total: number;
  /** Numbers in the requests ended so far. */
  phonesDone: number;
  /** Numbers the send has in all, after local checks (repeats and skipped numbers left out). */
  phonesTotal: number;
}

/** What a send needs besides the numbers and their values. */
export interface SendCommon {
  /** The approved template's number (模板编号). */
  templateCode: string;
  /**
   * The template's text, for local checks of the values (60003, 60004) before anything is
   * sent; falls back to the client's `templates` option. Without either, only the shape of the
   * values is checked locally.
   */
  template?: string;
  /** The uplink extension code, 1–99; left out when not given. */
  upExtendCode?: string;
  /**
   * Your business id (≤ 64 characters), echoed in receipts: every request of this send carries
   * it. When left out, each request gets a generated one (a UUID), reported in its chunk.
   */
  bid?: string;
  /**
   * How numbers that are not mainland mobile numbers are handled; overrides the client's option.
   * @defaultValue the client's `invalidPhones` (`'reject'`)
   */
  invalidPhones?: 'reject' | 'skip';
  /**
   * Ends the send early. Requests still waiting for their turn (or a retry) are not sent and
   * end `failed`; a request already written ends `unknown`, as when its answer is lost.
   */
  signal?: AbortSignal;
  /**
   * Called once per request as it ends (`sent`, `failed` or `unknown`), in the order they end,
   * with where the whole send stands: for a progress bar, or to record each request's outcome
   * before the send is over. Requests not sent because an earlier one failed for good are
   * reported too, so `done` reaches `total`. The hook runs inside the send: keep it quick; what
   * it throws is ignored, so a faulty hook never loses a request's result.
   */
  onChunk?: (chunk: ChunkResult, progress: SendProgress) => void;
}

/** One text to many numbers (`/message/send`). */
export interface SendInput extends SendCommon {
  /**
   * The numbers, as typed: `+86`, spaces and dashes are removed and repeats dropped. More than
   * 1000 are split into several requests.
   */
  phones: readonly string[];
  /** One value per template variable, in order; left out for a template without variables. */
  params?: readonly string[];
}

/** One message of a {@link SendBatchInput}. */
export interface BatchMessage {
  /** The recipient. */
  phone: string;
  /** Its values, one per template variable; left out for a template without variables. */
  params?: readonly string[];
}

/** Different values per number (`/message/sendBatch`). */
export interface SendBatchInput extends SendCommon {
  /**
   * The messages. A number may appear more than once (each message has its own values). More
   * than 1000 are split into several requests.
   */
  messages: readonly BatchMessage[];
}
