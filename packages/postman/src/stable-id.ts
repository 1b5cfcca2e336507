import { createHash } from 'node:crypto';

/**
 * A UUID-shaped id derived from `seed` (name-based, like a version-5 UUID), so that the same
 * options always generate the same file: diffs stay readable and Postman replaces, rather
 * than duplicates, a collection imported again.
 */
export function stableId(seed: string): string {
  const hex = createHash('sha1').update('smskit-postman:' + seed, 'utf8').digest('hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
