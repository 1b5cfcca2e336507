import { encodeOnce } from './canonical.js';

/**
 * Strict RFC 3986 percent-encoding, as both Aliyun signatures require: every byte of the UTF-8
 * form is encoded except the unreserved `A–Z a–z 0–9 - _ . ~`. `encodeURIComponent` alone
 * leaves `!'()*` bare, which is exactly how node-easysms and Novu's provider earn
 * `SignatureDoesNotMatch` for any value that holds one of them; a space is `%20`, never `+`.
 *
 * @throws URIError when `value` holds a lone UTF-16 surrogate, which has no UTF-8 form (and so
 * no signature either); {@link signRpc} and {@link signAcs3} turn that into an `AliyunError`.
 */
export function percentEncode(value: string): string {
  return encodeOnce(value);
}

/**
 * The inverse of {@link percentEncode} for a query as Aliyun's gateway reads it
 * (`application/x-www-form-urlencoded`): `+` is a space, `%XX` a byte of UTF-8.
 * Returns `undefined` for a malformed escape rather than throwing.
 */
export function percentDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}
