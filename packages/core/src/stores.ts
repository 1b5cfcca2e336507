// Every store interface of smskit lives here, with its in-memory default: anything with state
// that several instances must share (replay nonces, push de-duplication, OTP limits and codes,
// the send log) goes through one, so that a Redis store (or another) can stand in.
export * from './stores/nonce-store.js';
export * from './stores/limit-store.js';
export * from './stores/memory-limit-store.js';
export * from './stores/code-store.js';
export * from './stores/memory-code-store.js';
export * from './stores/send-log.js';
export * from './stores/pacer-store.js';
