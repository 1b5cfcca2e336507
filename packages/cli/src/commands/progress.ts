import type { ChunkResult, SendProgress } from '@smskit/core';
import { Presets, SingleBar } from 'cli-progress';
import type { CliIo } from '../io.js';

/** Counts of numbers by how their requests ended, as the progress display and summary show them. */
export interface Tally {
  sent: number;
  failed: number;
  unknown: number;
}

/** Follows a bulk send: `onChunk` goes into the send's input, `stop` ends the display. */
export interface ProgressDisplay {
  /** The hook for `SmsClient.send`/`sendBatch`. */
  onChunk(chunk: ChunkResult, progress: SendProgress): void;
  /** Ends the display (the bar's last frame stays on screen). */
  stop(): void;
}

/** Plain progress lines: about one per 5% of the send, so a million numbers give ~20 lines, not 1000. */
const PLAIN_STEPS = 20;

function tallyChunk(tally: Tally, chunk: ChunkResult): void {
  if (chunk.status === 'sent') {
    tally.failed += chunk.failPhones.length;
    tally.sent += chunk.phones.length - chunk.failPhones.length;
  } else tally[chunk.status] += chunk.phones.length;
}

function plainLine(progress: SendProgress, tally: Tally): string {
  const percent = Math.floor((progress.phonesDone * 100) / Math.max(1, progress.phonesTotal));
  return `smskit: progress ${progress.phonesDone}/${progress.phonesTotal} numbers (${percent}%), request ${progress.done}/${progress.total}: sent ${tally.sent}, failed ${tally.failed}, unknown ${tally.unknown}\n`;
}

/**
 * The progress of a send of `expected` numbers, on standard error: a bar from cli-progress
 * when `io.terminal` is a terminal, else plain lines (logs and CI keep them; a bar's carriage
 * returns would make one unreadable line). A send of one request shows nothing: it is over as
 * soon as it would start.
 */
export function progressDisplay(io: CliIo, expected: number, requests: number): ProgressDisplay {
  const tally: Tally = { sent: 0, failed: 0, unknown: 0 };
  if (requests <= 1) return { onChunk: () => undefined, stop: () => undefined };
  if (io.terminal !== undefined) {
    const bar = new SingleBar(
      {
        stream: io.terminal,
        format: 'sending [{bar}] {percentage}% | {value}/{total} numbers | sent {sent}, failed {failed}, unknown {unknown} | eta {eta_formatted}',
        hideCursor: true,
        etaBuffer: 20,
      },
      Presets.shades_classic,
    );
    bar.start(expected, 0, { ...tally });
    return {
      onChunk(chunk, progress) {
        tallyChunk(tally, chunk);
        // Local checks may drop repeats and skipped numbers: the send's own total is the truth.
        if (progress.phonesTotal !== bar.getTotal()) bar.setTotal(progress.phonesTotal);
        bar.update(progress.phonesDone, { ...tally });
      },
      stop: () => bar.stop(),
    };
  }
  let shown = -1;
  return {
    onChunk(chunk, progress) {
      tallyChunk(tally, chunk);
      const step = Math.floor((progress.done * PLAIN_STEPS) / progress.total);
      if (step === shown && progress.done !== progress.total) return;
      shown = step;
      io.err(plainLine(progress, tally));
    },
    stop: () => undefined,
  };
}
