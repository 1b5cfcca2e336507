/**
 * `@smskit/sandbox`: the whole SMS platform emulated locally, as a Koa app built on
 * `@smskit/koa` — for tests, demos and development without paying for or waiting on real
 * messages. State lives in memory by default: a restart loses it.
 *
 * @packageDocumentation
 */
export * from './aliyun/index.js';
export { outcomeFor, type DeliveryRule } from './delivery.js';
export { FaultInjector, type Fault, type FaultPlan } from './faults.js';
export { MemorySandboxStore, type MemorySandboxStoreOptions } from './memory-store.js';
export type { SandboxAccount, SandboxOptions } from './options.js';
export type { PushAttempt, PushStatus } from './pusher.js';
export { DEFAULT_RATE_LIMITS } from './rate-limits.js';
export type { RequestLogEntry } from './request-log.js';
export { SANDBOX_PREFIX } from './sandbox-routes.js';
export { createSandbox, type InjectedReply, type RunningSandbox, type Sandbox, type SandboxControl, type SandboxState } from './sandbox.js';
export type { SendResult } from './send-engine.js';
export type { CounterStep, DailyStatistics, MessageQuery, MessageState, ReceiptQuery, SandboxMessage, SandboxReply, SandboxStore } from './store.js';
export {
  BALANCE_ITEMS,
  DEFAULT_TEMPLATES,
  loadTemplatesFile,
  prepareTemplates,
  renderPrepared,
  type BalanceItem,
  type SandboxTemplate,
  type TemplateDefinition,
  type TemplateLimits,
} from './templates.js';
export type { AllowedHosts } from './control-guard.js';
export {
  createTencentSandbox,
  type TencentFaultPlan,
  type TencentInjectedReply,
  type TencentSandbox,
  type TencentSandboxOptions,
  type TencentSandboxShared,
} from './tencent/tencent-sandbox.js';
export { DEFAULT_TENCENT_TEMPLATES, prepareTencentTemplates, renderTencentTemplate, splitTemplatesByPlatform, type TencentSandboxTemplate, type TencentTemplateDefinition } from './tencent/templates.js';
export type { TencentLimits } from './tencent/send-sms.js';
export type { TencentPushAttempt } from './tencent/pusher.js';
