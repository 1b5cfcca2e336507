export * from './payloads.js';
export * from './dialect.js';
