/**
 * Digits in a nonce smskit generates: the manual asks for at least 10, and 15 is the most that
 * every 15-digit number stays below 2^53, so a server that parses it as a double keeps it whole.
 */
export declare const NONCE_DIGITS = 15;
/**
 * A fresh nonce: {@link NONCE_DIGITS} decimal digits from a cryptographic source, the first
 * never `0`, so that servers that parse it as a number keep every digit. Random bytes are
 * drawn in pooled blocks, so a nonce costs no system call of its own, and it is made of a
 * 7-digit and an 8-digit part because turning small integers into text is several times
 * cheaper than one 15-digit number.
 */
export declare function generateNonce(): string;
