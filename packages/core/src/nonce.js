import { randomFillSync } from 'node:crypto';
/**
 * Digits in a nonce smskit generates: the manual asks for at least 10, and 15 is the most that
 * every 15-digit number stays below 2^53, so a server that parses it as a double keeps it whole.
 */
export const NONCE_DIGITS = 15;
const pool = Buffer.alloc(4096);
let offset = pool.length;
/**
 * A uniform integer in `[0, span)` (span < 2^32) from pooled random bytes, redrawn when the
 * 32-bit draw falls in the incomplete last block, so there is no modulo bias.
 */
function uniformBelow(span) {
    const limit = Math.floor(0x1_0000_0000 / span) * span;
    for (;;) {
        if (offset + 4 > pool.length) {
            randomFillSync(pool);
            offset = 0;
        }
        const draw = pool.readUInt32BE(offset);
        offset += 4;
        if (draw < limit)
            return draw % span;
    }
}
/**
 * A fresh nonce: {@link NONCE_DIGITS} decimal digits from a cryptographic source, the first
 * never `0`, so that servers that parse it as a number keep every digit. Random bytes are
 * drawn in pooled blocks, so a nonce costs no system call of its own, and it is made of a
 * 7-digit and an 8-digit part because turning small integers into text is several times
 * cheaper than one 15-digit number.
 */
export function generateNonce() {
    const head = 1_000_000 + uniformBelow(9_000_000); // 7 digits, the first 1–9
    const tail = 100_000_000 + uniformBelow(100_000_000); // "1" + 8 digits
    return String(head) + String(tail).slice(1);
}
//# sourceMappingURL=nonce.js.map