export * from './payloads.js';
