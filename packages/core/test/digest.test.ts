import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { digestWith } from '../src/digest.js';
import { digestText } from '../src/index.js';

const ALGORITHMS = ['sha1', 'sha256'] as const;
const ENCODINGS = ['hex', 'base64', 'base64url', 'binary'] as const;

describe('digestText', () => {
  it('equals createHash for strings (as UTF-8) and bytes, in every encoding', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALGORITHMS), fc.constantFrom(...ENCODINGS), fc.oneof(fc.string({ unit: 'grapheme' }), fc.uint8Array()), (algorithm, encoding, data) => {
        expect(digestText(algorithm, data, encoding)).toBe(createHash(algorithm).update(data).digest(encoding));
      }),
    );
  });

  it('knows the empty string', () => {
    expect(digestText('sha256', '', 'hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('falls back to createHash where crypto.hash is missing (Node 20 before 20.12), with the same results', () => {
    const fallback = vi.fn(createHash);
    fc.assert(
      fc.property(fc.constantFrom(...ALGORITHMS), fc.constantFrom(...ENCODINGS), fc.string({ unit: 'grapheme' }), (algorithm, encoding, data) => {
        expect(digestWith({ createHash: fallback, hash: undefined }, { algorithm, data, encoding })).toBe(digestText(algorithm, data, encoding));
      }),
    );
    expect(fallback).toHaveBeenCalled();
  });
});
