export * from './template.js';
export * from './phone.js';
export * from './request.js';
export * from './segments.js';
