/**
 * `@smskit/core`: the protocol layer of the HMAC-signed SMS platform API — signing and
 * verification, the error-code catalogue, delivery states, template, phone and length rules,
 * the typed client, push parsing, and the store interfaces with in-memory defaults.
 *
 * The public API is this list, by name: a file's other exports are internals that may change
 * in any release. Importing the package for signing or verification loads neither the HTTP
 * client (undici) nor the push schemas (zod): those load on the client's first request and the
 * first push parsed.
 *
 * @packageDocumentation
 */
export { CANONICAL_DIALECTS, canonicalString, type CanonicalDialect, type SignableParams, type SignedHeaderValues } from './canonical.js';
export { DEFAULT_SIGN_METHOD, isSignMethod, SIGN_METHODS, SIGNATURE_HEX_LENGTH, type SignMethod } from './sign-method.js';
export { NONCE_DIGITS, generateNonce } from './nonce.js';
export { computeSignature, generateTestHeaders, signRequest, type SignedHeaders, type SignedRequest, type SignRequestOptions, } from './sign.js';
export { ipAllowed, verifyRequest, type ApiCredentials, type CredentialsResolver, type IncomingHeaders, type VerifyCheck, type VerifyFailure, type VerifyRequestOptions, type VerifyResult, type VerifySuccess, } from './verify.js';
export { hasPrototypeKey } from './prototype-keys.js';
export { MemoryNonceStore, type MemoryNonceStoreOptions, type NonceStore } from './stores.js';
export { describeCode, ERROR_CODES, isPlatformCode, PLATFORM_CODES, platformCodeForHttpStatus, type ErrorCodeEntry, type PlatformCode, } from './error-codes.js';
export { isSmsError, SmsError, toSmsError, type SmsErrorOptions } from './errors.js';
export { DELIVERY_STATES, formatArriveTime, isDelivered, isReceiptStatus, parseArriveTime, RECEIPT_HORIZON_MS, RECEIPT_STATUSES, type ReceiptStatus, } from './delivery.js';
export { ADVISED_TEMPLATE_LENGTH, checkSignature, checkTemplate, MAX_SIGNATURE_LENGTH, MAX_TEMPLATE_LENGTH, MIN_SIGNATURE_LENGTH, parseTemplate, type ParsedTemplate, type RuleSeverity, type RuleViolation, type SignatureRule, type SignatureViolation, type TemplateRule, type TemplateVariable, type TemplateViolation, } from './rules/template.js';
export { assertPhones, checkPhones, MAX_PHONES_PER_REQUEST, normalizePhone, type InvalidPhone, type InvalidPhoneReason, type PhoneCheck, type PhoneCheckOptions, } from './rules/phone.js';
export { assertBid, assertSendBatch, assertTemplateValues, assertUpExtendCode, decodeTemplateParam, decodeTemplateParamJson, encodeTemplateParam, encodeTemplateParamJson, MAX_BID_LENGTH, MAX_UP_EXTEND_CODE, type SendBatch, type SendBatchOptions, type TemplateSource, type TemplateValuesOptions, type UpExtendCodeOptions, } from './rules/request.js';
export { countSegments, isGsm7, renderTemplate, SEGMENT_LIMITS, type CountSegmentsOptions, type MessageEncoding, type RenderTemplateOptions, type SegmentCount, type SegmentLimits, } from './rules/segments.js';
export { SmsClient } from './client/sms-client.js';
export { DEFAULT_BASE_URL, type PacingOptions, type RetryOptions, type SmsClientOptions } from './client/options.js';
export type { WindowLimit } from './client/pacer.js';
export type { BatchMessage, SendBatchInput, SendCommon, SendInput } from './client/send-input.js';
export { sendResultOf, type ChunkResult, type ChunkStatus, type SendFailureDetails, type SendResult } from './client/send-result.js';
export { callFailureOf, type CallFailureDetails } from './client/platform-call.js';
export type { TransportFailure } from './client/transport.js';
export type { BalanceEntry, DailyStatistics, HealthStatus, ReceiptQueryInput, StatisticsInput, StatisticsPage } from './client/queries.js';
export { MAX_RECEIPT_QUERY_IDS, type DeliveryReceipt } from './client/receipts.js';
export type { CallOutcome, ClientEndpoint, ClientEventBase, ClientHooks, ClientLogger, ErrorEvent, RequestEvent, ResponseEvent, RetryEvent, } from './client/events.js';
export { ReceiptTracker, type FinalStatus, type MessageOutcome, type ReceiptLike, type ReceiptSource, type ReceiptTrackerOptions, type TrackedSend, } from './client/receipt-tracker.js';
export { parseReceiptPush, parseReplyPush, type Receipt, type Reply } from './push/payloads.js';
export { PushInbox, type IncomingPush, type PushAnswer, type PushFailure, type PushInboxOptions, type PushInfo, type PushKind, } from './push/inbox.js';
