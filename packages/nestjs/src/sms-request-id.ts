import { randomUUID } from 'node:crypto';

const ids = new WeakMap<object, string>();

/**
 * The requestId smskit answers for this request (the platform's answers carry one that support
 * can look up): a UUID made on first use and kept for the request's lifetime, so the guard's
 * error, the filter's answer and a push acknowledgement of one request agree. Pass the
 * request object your platform gives (`@Req()`).
 */
export function smsRequestId(request: object): string {
  let id = ids.get(request);
  if (id === undefined) {
    id = randomUUID();
    ids.set(request, id);
  }
  return id;
}
