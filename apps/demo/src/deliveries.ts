import { Inject, Injectable } from '@nestjs/common';
import type { Receipt, Reply } from '@smskit/core';
import { OnSmsReceipts, OnSmsReplies } from '@smskit/nestjs';
import { maskPhone } from '@smskit/otp';
import { DEMO_SETTINGS, type DemoSettings } from './demo-settings.js';

/** What the page is told about one message. */
export interface DeliveryState {
  /** `waiting` until the receipt is pushed, then its status (`DELIVRD`, `UNDELIV`…). */
  status: string;
  /** Whether it reached the handset. */
  delivered: boolean;
}

// enough for a demo; the oldest receipts go first
const KEPT = 1000;

/** Receipts the platform (here the sandbox) pushes to `/sms/push/receipts`, kept by msgId; replies are logged. */
@Injectable()
export class Deliveries {
  private readonly receipts = new Map<string, DeliveryState>();

  constructor(@Inject(DEMO_SETTINGS) private readonly settings: DemoSettings) {}

  /** Called by `@smskit/nestjs` for every new receipt push. */
  @OnSmsReceipts()
  record(receipts: Receipt[]): void {
    for (const receipt of receipts) {
      this.receipts.set(receipt.msgId, { status: receipt.status, delivered: receipt.delivered });
      if (this.receipts.size > KEPT) this.receipts.delete(this.receipts.keys().next().value as string);
      this.settings.log(`receipt pushed: ${maskPhone(receipt.tel)} ${receipt.status} (msgId ${receipt.msgId})`);
    }
  }

  /** Called for every new reply push (try `POST /_sandbox/replies` on the sandbox). */
  @OnSmsReplies()
  replied(replies: Reply[]): void {
    for (const reply of replies) this.settings.log(`reply pushed: ${maskPhone(reply.tel)} wrote ${JSON.stringify(reply.content.slice(0, 40))}`);
  }

  /** Where a message stands. */
  stateOf(msgId: string): DeliveryState {
    return this.receipts.get(msgId) ?? { status: 'waiting', delivered: false };
  }
}
