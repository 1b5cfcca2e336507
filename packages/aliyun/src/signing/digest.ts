/*
 * The hashing under both signatures, internal to the package (not exported from its index).
 *
 * Why a hand-written HMAC: `createHmac` builds a fresh OpenSSL HMAC context from the key on
 * every call (and with a string key, a key object too), which costs more than the two small
 * hashes the HMAC itself is made of. RFC 2104 defines HMAC as
 *
 *   H((K' ⊕ opad) ‖ H((K' ⊕ ipad) ‖ message))
 *
 * where K' is the key padded with zeros to the hash's block size (64 bytes for SHA-1 and
 * SHA-256), or the key's own hash when the key is longer than a block; ipad is the byte 0x36
 * and opad 0x5c, repeated over the block. K' ⊕ ipad and K' ⊕ opad depend on the key only, so a
 * signer computes them once per AccessKey secret and each signature is two one-shot hashes
 * (core's `digestText`: `crypto.hash`, or `createHash` on Node before 20.12). test/signing.test.ts checks this against `createHmac` with fast-check
 * (random keys, longer than a block, non-ASCII, and random messages).
 */
import * as crypto from 'node:crypto';
import { digestText } from '@smskit/core/provider';

/** The hashes Aliyun's HMAC signatures use. */
export type HmacAlgorithm = 'sha1' | 'sha256';

/** SHA-1's and SHA-256's block size, in bytes. */
const BLOCK_SIZE = 64;
/** Their digests' sizes, in bytes. */
const DIGEST_SIZE: Record<HmacAlgorithm, number> = { sha1: 20, sha256: 32 };

/** Lowercase hex SHA-256 of a payload (a string is hashed as UTF-8). */
export function sha256HexOf(payload: string | Uint8Array): string {
  return digestText('sha256', payload, 'hex');
}

/** What {@link keyedHmac} prepares. */
export interface KeyedHmacOptions {
  /** The hash. */
  algorithm: HmacAlgorithm;
  /** The key, as `createHmac` takes a string key: its UTF-8 bytes. */
  key: string;
  /** The digest's text form. */
  encoding: 'hex' | 'base64';
}

/**
 * HMAC with one key, prepared once: the returned function gives the same text as
 * `createHmac(algorithm, key).update(message, 'utf8').digest(encoding)`.
 */
export function keyedHmac(options: KeyedHmacOptions): (message: string) => string {
  const { algorithm, encoding } = options;
  let key: Uint8Array = Buffer.from(options.key, 'utf8');
  if (key.length > BLOCK_SIZE) key = crypto.createHash(algorithm).update(key).digest();
  // The inner hash's input: K' ⊕ ipad, then the message's UTF-8 bytes. The buffer is kept
  // between calls (they are synchronous), the pad written once; it grows to fit a message.
  let inner = Buffer.alloc(BLOCK_SIZE, 0x36);
  // The outer hash's input: K' ⊕ opad, then the inner digest, copied in on each call.
  const outer = Buffer.alloc(BLOCK_SIZE + DIGEST_SIZE[algorithm], 0x5c);
  key.forEach((byte, i) => {
    inner[i] = 0x36 ^ byte;
    outer[i] = 0x5c ^ byte;
  });
  return (message) => {
    // UTF-8 needs at most 3 bytes per UTF-16 unit (4 for a surrogate pair's 2).
    const room = BLOCK_SIZE + 3 * message.length;
    if (room > inner.length) {
      const grown = Buffer.allocUnsafe(room);
      inner.copy(grown, 0, 0, BLOCK_SIZE);
      inner = grown;
    }
    const end = BLOCK_SIZE + inner.write(message, BLOCK_SIZE, 'utf8');
    // The inner digest comes back as `binary` (latin1) text and goes into the buffer as such,
    // byte for byte: cheaper than asking crypto.hash for a Buffer.
    outer.write(digestText(algorithm, inner.subarray(0, end), 'binary'), BLOCK_SIZE, 'binary');
    return digestText(algorithm, outer, encoding);
  };
}

/** True when two texts are equal, compared in constant time for equal lengths. */
export function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
