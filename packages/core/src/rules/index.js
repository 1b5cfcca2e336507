/*
 * The rules of templates, signatures, numbers, request fields and message length (SPEC §3,
 * §6), checked on the client before a request is spent and on the sandbox server alike.
 */
export * from './template.js';
export * from './phone.js';
export * from './request.js';
export * from './segments.js';
//# sourceMappingURL=index.js.map