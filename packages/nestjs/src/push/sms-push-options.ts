import type { PushInboxOptions } from '@smskit/core';

/**
 * The `push` section of the module's options: core's `PushInboxOptions` (`dialect`, `apiKeys`,
 * `pathToken`, `allowedIps`, `dedupeStore`, `dedupeTtlMs`, `ack`, `concurrency`, `maxQueued`,
 * `onError`) without the two handler functions, whose place the methods marked
 * {@link OnSmsReceipts} and {@link OnSmsReplies} take. `onError` defaults to Nest's `Logger`.
 *
 * Without `dialect` the platform's own pushes are received (give `apiKeys`); with
 * `aliyunPushDialect()` or `tencentPushDialect()`, that provider's — and the marked methods get
 * what the dialect reads (core's `ChannelReceipt`s for receipts), answered in its shape.
 */
// `any`: one module option takes every provider's dialect; what the marked methods receive is
// typed by their own signatures, which Nest's metadata cannot check anyway.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SmsPushOptions = Omit<PushInboxOptions<any, any>, 'onReceipts' | 'onReplies'>;
