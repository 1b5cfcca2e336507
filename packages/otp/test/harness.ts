import { OtpService, type OtpMessage, type OtpServiceOptions } from '../src/index.js';

export const SECRET = 'test-secret-with-enough-bytes-0123456789';
/** 2024-05-01 10:00 in Asia/Shanghai. */
export const T0 = Date.parse('2024-05-01T02:00:00Z');

/** A service on a hand-driven clock whose sender records every message. */
export function harness(options: Partial<OtpServiceOptions> = {}) {
  const clock = { now: T0 };
  const sent: OtpMessage[] = [];
  const service = new OtpService({
    secret: SECRET,
    now: () => clock.now,
    send: async (message) => {
      sent.push(message);
      return { msgId: `m${sent.length}` };
    },
    ...options,
  });
  const lastCode = (): string => {
    const message = sent[sent.length - 1];
    if (!message) throw new Error('nothing was sent');
    return message.code;
  };
  return { service, clock, sent, lastCode };
}

/** Distinct, valid mainland numbers. */
export function phone(n: number): string {
  return `139${String(n).padStart(8, '0')}`;
}
