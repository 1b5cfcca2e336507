import { randomFillSync } from 'node:crypto';

/** Digits in a nonce smskit generates: the manual asks for at least 10. */
export const NONCE_DIGITS = 16;

const pool = Buffer.alloc(4096);
let offset = pool.length;

/** A uniform integer in `[0, n)` (n ≤ 256) from a pooled cryptographic source, by rejection sampling. */
function randomBelow(n: number): number {
  const limit = 256 - (256 % n);
  for (;;) {
    if (offset >= pool.length) {
      randomFillSync(pool);
      offset = 0;
    }
    const byte = pool[offset++] as number;
    if (byte < limit) return byte % n;
  }
}

/**
 * A fresh nonce: {@link NONCE_DIGITS} decimal digits from a cryptographic source, the first
 * never `0` so that servers that parse it as a number keep every digit. Random bytes are
 * drawn in pooled blocks, so a nonce costs no system call of its own.
 */
export function generateNonce(): string {
  let out = String(1 + randomBelow(9));
  for (let i = 1; i < NONCE_DIGITS; i++) out += randomBelow(10);
  return out;
}
