import { DEFAULT_SIGN_METHOD, isSignMethod, SmsError, type SignMethod } from '@smskit/core';
import type { PostmanEnvironment } from './collection-format.js';
import { stableId } from './stable-id.js';

/** What {@link generateEnvironment} needs. */
export interface EnvironmentOptions {
  /** The API's origin, e.g. `https://opassapi.infocloud.cc` or a local sandbox's URL. */
  baseUrl: string;
  /** The account's apiKey. @defaultValue `''` (filled in Postman) */
  apiKey?: string;
  /**
   * The account's accessKey, written into the file only when given, and marked secret so
   * that Postman masks it. @defaultValue `''` (filled in Postman, where it stays local)
   */
  accessKey?: string;
  /** The HMAC the pre-request script signs with. @defaultValue `'HmacSHA256'` */
  signMethod?: SignMethod;
  /** The name in Postman's environment picker. @defaultValue `'smskit'` */
  name?: string;
}

/**
 * A Postman environment holding what the collection's signing script reads: `baseUrl`,
 * `apiKey`, `accessKey` (type `secret`) and `signMethod`. Import it beside the collection and
 * select it; without `apiKey`/`accessKey` the user types them in Postman.
 *
 * @throws `SmsError` (40004, from `@smskit/core`) for a `baseUrl` that is not an http(s) URL or an
 *   unsupported `signMethod`.
 */
export function generateEnvironment(options: EnvironmentOptions): PostmanEnvironment {
  const name = options.name ?? 'smskit';
  const signMethod = options.signMethod ?? DEFAULT_SIGN_METHOD;
  if (!isSignMethod(signMethod)) {
    throw new SmsError({ code: 40004, message: `Unsupported sign method "${String(signMethod)}".`, hint: 'Use HmacMD5, HmacSHA1, HmacSHA224, HmacSHA256, HmacSHA384 or HmacSHA512.' });
  }
  return {
    id: stableId(`environment:${name}`),
    name,
    values: [
      { key: 'baseUrl', value: normalizeBaseUrl(options.baseUrl), type: 'default', enabled: true },
      { key: 'apiKey', value: options.apiKey ?? '', type: 'default', enabled: true },
      { key: 'accessKey', value: options.accessKey ?? '', type: 'secret', enabled: true },
      { key: 'signMethod', value: signMethod, type: 'default', enabled: true },
    ],
    _postman_variable_scope: 'environment',
  };
}

/**
 * The origin and path prefix requests are sent to, without a trailing slash (requests append
 * `/message/send` and so on).
 *
 * @throws `SmsError` (40004, from `@smskit/core`) for anything but an absolute http(s) URL.
 */
export function normalizeBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new SmsError({ code: 40004, message: 'baseUrl is not an absolute URL.', hint: 'Pass an absolute URL such as https://opassapi.infocloud.cc or http://127.0.0.1:4010.' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SmsError({ code: 40004, message: `baseUrl uses ${url.protocol.replace(':', '')}, not http or https.`, hint: 'Pass an absolute URL such as https://opassapi.infocloud.cc.' });
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new SmsError({ code: 40004, message: 'baseUrl must not carry credentials, a query or a fragment.', hint: 'Pass only the origin and, behind a proxy, a path prefix.' });
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}
