/**
 * `@smskit/otp`: SMS verification codes that cannot be abused for SMS bombing. An
 * {@link OtpService} sends codes through any function you give it, enforces the limits of the
 * platform's anti-bombing advice (per number, per scene, per content, per calendar day, per IP,
 * per site) all-or-nothing and exactly under concurrency, keeps only keyed hashes of codes, and
 * writes a send log. State lives behind three store interfaces ({@link LimitStore},
 * {@link CodeStore}, {@link SendLogStore}) with in-memory defaults here and Redis implementations
 * in `@smskit/redis`.
 *
 * @packageDocumentation
 */
export * from './calendar.js';
export { generateCode, type GenerateCodeOptions } from './code.js';
export * from './code-store.js';
export * from './limit-store.js';
export { DAILY_VOLUME, type LadderLimits, type OtpLimitName, type OtpLimits, type WindowLimit } from './limits.js';
export * from './memory-code-store.js';
export * from './memory-limit-store.js';
export * from './options.js';
export * from './otp-service.js';
export * from './results.js';
export * from './send-log.js';
export { ipCountingKey, isSceneName } from './subject.js';
