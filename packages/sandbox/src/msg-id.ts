// 2021-01-01T00:00:00Z: ids then have 18 digits for decades, like the platform's.
const EPOCH = 1_609_459_200_000n;
const COUNTER_MASK = 0x3fffffn;

/**
 * A maker of msgIds shaped like the platform's (18 digits, rising with time): milliseconds
 * since an epoch, then a 22-bit counter, so ids stay unique under any request rate and even
 * when the clock steps back.
 */
export function msgIdMaker(now: () => number): () => string {
  let lastMs = -1n;
  let counter = 0n;
  return () => {
    let ms = BigInt(now()) - EPOCH;
    if (ms < lastMs) ms = lastMs;
    if (ms === lastMs) {
      counter = (counter + 1n) & COUNTER_MASK;
      if (counter === 0n) ms = lastMs + 1n;
    } else {
      counter = 0n;
    }
    lastMs = ms;
    return ((ms << 22n) | counter).toString();
  };
}
