import type { FailureClass } from '@smskit/core/provider';
import { ALIYUN_OK } from '../error-codes/index.js';
import { AliyunError } from '../errors.js';
import { explainSignatureMismatch, serverStringToSign } from '../signature-mismatch.js';

/** The fields every dysmsapi answer has. */
export interface AliyunAnswerBase {
  /** `OK`, or the error code. */
  Code: string;
  /** The platform's message. */
  Message?: string;
  /** The request's id, for support. */
  RequestId?: string;
}

/** What the client knows about the request an answer belongs to, to explain a refusal. */
export interface SentRequest {
  /** The client's string to sign. */
  stringToSign: string;
  /** For V3: the client's canonical request (the string to sign is only its hash). */
  canonicalRequest?: string;
}

function classOfUnreadable(status: number): FailureClass {
  // A 4xx was refused before processing; a 200 or 5xx we cannot read may have been acted on.
  return status >= 400 && status < 500 ? 'failover' : 'unknown';
}

/**
 * Reads one dysmsapi answer: the body when `Code` is `OK`; otherwise throws an
 * {@link AliyunError} with the code, its class, the RequestId and — for
 * `SignatureDoesNotMatch` — both strings to sign and where they part.
 */
export function readAliyunAnswer<T extends AliyunAnswerBase>(answer: { status: number; text: string }, sent: SentRequest): T {
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    body = undefined;
  }
  if (typeof body !== 'object' || body === null || typeof (body as { Code?: unknown }).Code !== 'string') {
    throw new AliyunError({
      code: 'SMSKIT.UNREADABLE_ANSWER',
      httpStatus: answer.status,
      class: classOfUnreadable(answer.status),
      message: `Aliyun answered HTTP ${answer.status} with a body that is not a dysmsapi answer.`,
      hint: 'Check the endpoint (a proxy or the wrong host answers this way); a send may have happened: query QuerySendDetails by OutId before resending.',
    });
  }
  const parsed = body as T;
  if (answer.status === 200 && parsed.Code === ALIYUN_OK) return parsed;
  const requestId = typeof parsed.RequestId === 'string' ? parsed.RequestId : undefined;
  const serverMessage = typeof parsed.Message === 'string' ? parsed.Message : undefined;
  if (parsed.Code === 'SignatureDoesNotMatch') {
    const server = serverMessage === undefined ? undefined : serverStringToSign(serverMessage);
    const mismatch = server === undefined ? undefined : explainSignatureMismatch({ ours: sent.stringToSign, server });
    throw new AliyunError({
      code: parsed.Code,
      httpStatus: answer.status,
      requestId,
      message: `The signature does not match the server's calculation. ${mismatch?.summary ?? ''}`.trim(),
      details: { ...mismatch, ours: sent.stringToSign, server, canonicalRequest: sent.canonicalRequest },
    });
  }
  throw new AliyunError({
    code: parsed.Code,
    httpStatus: answer.status === 200 ? 200 : answer.status,
    requestId,
    message: serverMessage === undefined ? undefined : `${parsed.Code}: ${serverMessage}`,
  });
}
