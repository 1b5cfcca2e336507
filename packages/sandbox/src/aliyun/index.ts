export { createAliyunSandbox, type AliyunSandbox } from './aliyun-sandbox.js';
export type { AliyunSandboxMessage } from './messages.js';
export { DEFAULT_ALIYUN_TEMPLATES, type AliyunFaultPlan, type AliyunNumberLimits, type AliyunSandboxOptions, type AliyunTemplateDefinition } from './options.js';
export type { AliyunPushAttempt } from './pushes.js';
export { aliyunTemplatesOf, isAliyunTemplate } from './templates.js';
