export * from './percent-encode.js';
export * from './rpc.js';
export * from './acs3.js';
export * from './verify.js';
