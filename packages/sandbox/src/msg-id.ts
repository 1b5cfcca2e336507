// 2021-01-01T00:00:00Z: milliseconds since then have 12 digits until 2052, so ids have 18.
const EPOCH = 1_609_459_200_000;
const PER_MS = 1_000_000;

/**
 * A maker of msgIds shaped like the platform's (18 digits, rising with time): the
 * milliseconds since an epoch, then a 6-digit counter, so ids stay unique under any request
 * rate and even when the clock steps back. Built as a string: the number would pass 2^53.
 */
export function msgIdMaker(now: () => number): () => string {
  let lastMs = -1;
  let counter = 0;
  return () => {
    let ms = Math.max(0, Math.floor(now()) - EPOCH);
    if (ms < lastMs) ms = lastMs;
    if (ms === lastMs) {
      counter++;
      if (counter === PER_MS) {
        ms = lastMs + 1;
        counter = 0;
      }
    } else {
      counter = 0;
    }
    lastMs = ms;
    return String(ms).padStart(12, '0') + String(counter).padStart(6, '0');
  };
}
