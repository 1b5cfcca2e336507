import type { PushInboxOptions } from '@smskit/core';

/**
 * The `push` section of the module's options: core's `PushInboxOptions` (`apiKeys`,
 * `pathToken`, `allowedIps`, `dedupeStore`, `dedupeTtlMs`, `ack`, `concurrency`, `maxQueued`,
 * `onError`) without the two handler functions, whose place the methods marked
 * {@link OnSmsReceipts} and {@link OnSmsReplies} take. `onError` defaults to Nest's `Logger`.
 */
export type SmsPushOptions = Omit<PushInboxOptions, 'onReceipts' | 'onReplies'>;
