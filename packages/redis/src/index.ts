/**
 * `@smskit/redis`: Redis (ioredis) stores for smskit, for services that run as several
 * instances. Every check-and-update is one Lua script or one atomic command on the server —
 * never a read in Node followed by a write — so limits stay exact however many instances count.
 * {@link RedisNonceStore} serves `@smskit/core` (replay nonces, push de-duplication);
 * {@link redisOtpStores} gives an `OtpService` of `@smskit/otp` its limit, code and send-log
 * stores.
 *
 * @packageDocumentation
 */
export * from './code-store.js';
export { type RedisKeyOptions } from './keyspace.js';
export * from './limit-store.js';
export { LuaScript, type RedisClient } from './lua-script.js';
export * from './nonce-store.js';
export * from './pacer-store.js';
export * from './send-log.js';
export * from './stores.js';
