import { isPlatformCode } from '@smskit/core';
import type { Reply } from './http.js';
import { ACCOUNT, OFFICE, type Expectation } from './inputs.js';

/** A stack frame ("    at fn (file.js:1:2)") or a source position, in an answer or a log. */
const STACK = /\n\s*at \S.*(:\d+:\d+\)?|\(native\)|<anonymous>)|node:internal\//;

/**
 * Why an answer did not hold, or undefined when it did: a platform code, no 5xx (no input
 * here is a real server fault), no stack trace in the answer or in what the server logged,
 * no secret, an answer within the bound, and accepted or refused as the input deserves.
 */
export function whyNotHeld(reply: Reply, logged: readonly string[], expect: Expectation): string | undefined {
  if (reply.hung) return 'no answer within the client bound (hang)';
  if (reply.broken !== undefined) return `connection broken without an answer (${reply.broken})`;
  const code = reply.json?.code;
  const said = `${reply.status} ${JSON.stringify(reply.json ?? reply.text.slice(0, 100)).slice(0, 160)}`;
  if (reply.status >= 500) return `server error: ${said}`;
  if (!isPlatformCode(code)) return `no platform code: ${said}`;
  if (STACK.test(reply.text)) return `stack trace in the answer: ${said}`;
  const traced = logged.find((line) => STACK.test(line));
  if (traced !== undefined) return `stack trace in the server log: ${traced.split('\n')[0]?.slice(0, 120)}`;
  for (const secret of [ACCOUNT.accessKey, OFFICE.accessKey]) {
    if (reply.text.includes(secret) || logged.some((line) => line.includes(secret))) return 'an accessKey in the answer or the log';
  }
  if (expect === 'accept' && (code !== 200 || reply.status !== 200)) return `refused a valid request: ${said}`;
  if (expect === 'reject' && (code === 200 || reply.status < 400)) return `accepted: ${said}`;
  return undefined;
}
