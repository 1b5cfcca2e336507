import { SetMetadata } from '@nestjs/common';

/** The metadata key marking a provider method as a push handler; its value is the push kind. */
export const SMS_PUSH_HANDLER = 'smskit:push-handler';

/**
 * Marks a provider method as a handler of delivery-receipt pushes: it is called with the new
 * (not repeated) receipts of each push, and the push's details, after the platform has had its
 * answer. Throwing hands the receipts to `push.onError`.
 *
 * @example
 * ```ts
 * @OnSmsReceipts()
 * async delivered(receipts: Receipt[], info: PushInfo) { await this.log.markMany(receipts); }
 * ```
 */
export function OnSmsReceipts(): MethodDecorator {
  return SetMetadata(SMS_PUSH_HANDLER, 'receipts');
}

/**
 * Marks a provider method as a handler of uplink pushes (replies from handsets, such as
 * "退订"): called with the new replies of each push and the push's details.
 */
export function OnSmsReplies(): MethodDecorator {
  return SetMetadata(SMS_PUSH_HANDLER, 'replies');
}
