/**
 * `@smskit/otp`: SMS verification codes that cannot be abused for SMS bombing. An
 * {@link OtpService} sends codes through any function you give it, enforces the limits of the
 * platform's anti-bombing advice (per number, per scene, per content, per calendar day, per IP,
 * per site) all-or-nothing and exactly under concurrency, keeps only keyed hashes of codes, and
 * writes a send log. State lives behind three store interfaces of `@smskit/core` (`LimitStore`,
 * `CodeStore`, `SendLogStore`) with in-memory defaults there and Redis implementations in
 * `@smskit/redis`. They are re-exported here, so imports from `@smskit/otp` keep working.
 *
 * @packageDocumentation
 */
export * from './calendar.js';
export { generateCode, type GenerateCodeOptions } from './code.js';
export { DAILY_VOLUME, type LadderLimits, type OtpLimitName, type OtpLimits, type WindowLimit } from './limits.js';
export type { OtpRoute, OtpRouter } from './dispatch.js';
export * from './options.js';
export * from './otp-service.js';
export * from './results.js';
// The stores moved to @smskit/core (every store interface lives there, beside the nonce store);
// re-exported so that code importing them from here keeps working.
export {
  EXPIRED_CODE_GRACE_MS,
  maskPhone,
  MemoryCodeStore,
  MemoryLimitStore,
  MemorySendLog,
  type CodeAttempt,
  type CodeCheck,
  type CodePut,
  type CodeStore,
  type FixedLimitCheck,
  type LimitCheck,
  type LimitConsumeRequest,
  type LimitDecision,
  type LimitGranted,
  type LimitRefusal,
  type LimitRefused,
  type LimitStore,
  type MemorySendLogOptions,
  type RollingLimitCheck,
  type SendLogPassedOver,
  type SendLogRecord,
  type SendLogStore,
  type SendOutcome,
} from '@smskit/core';
export { ipCountingKey, isSceneName } from './subject.js';
