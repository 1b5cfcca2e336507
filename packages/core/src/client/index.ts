/*
 * The typed client of the platform API: sends (chunked, paced, retried only where safe),
 * receipts and their tracking, statistics, balance and the health probe.
 */
export type { CallOutcome, ClientEndpoint, ClientEventBase, ClientHooks, ClientLogger, ErrorEvent, RequestEvent, ResponseEvent, RetryEvent } from './events.js';
export { DEFAULT_BASE_URL, type PacingOptions, type RetryOptions, type SharedPacingOptions, type SmsClientOptions } from './options.js';
export { RequestPacer, type RequestPacerOptions } from './pacer.js';
export type { Pacer, Release } from './pacing.js';
export { RateWindow, type RateWindowOptions } from './rate-window.js';
export { SharedRateWindow, type SharedRateWindowOptions } from './shared-window.js';
export { callFailureOf, type CallFailureDetails } from './platform-call.js';
export type { BalanceEntry, CallOptions, DailyStatistics, HealthStatus, ReceiptQueryInput, StatisticsInput, StatisticsPage } from './queries.js';
export { ReceiptTracker, type FinalStatus, type MessageOutcome, type ReceiptLike, type ReceiptSource, type ReceiptTrackerOptions, type TrackedSend } from './receipt-tracker.js';
export { readPulledReceipts, type DeliveryReceipt } from './receipts.js';
export type { BatchMessage, SendBatchInput, SendCommon, SendInput, SendProgress } from './send-input.js';
export { sendResultOf, type ChunkResult, type ChunkStatus, type SendFailureDetails, type SendResult } from './send-result.js';
export { SmsClient } from './sms-client.js';
export { HttpTransport, classifyTransportError, type HttpAnswer, type HttpTransportOptions, type TransportFailure, type TransportFailureInfo } from './transport.js';
