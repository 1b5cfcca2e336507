export { DEFAULT_BASE_URL } from './options.js';
export { RequestPacer } from './pacer.js';
export { RateWindow } from './rate-window.js';
export { callFailureOf } from './platform-call.js';
export { ReceiptTracker } from './receipt-tracker.js';
export { MAX_RECEIPT_QUERY_IDS, readPulledReceipts } from './receipts.js';
export { sendResultOf } from './send-result.js';
export { SmsClient } from './sms-client.js';
//# sourceMappingURL=index.js.map