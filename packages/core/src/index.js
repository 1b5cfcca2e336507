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
// Signing: the canonical string, the six HMAC methods, the signed headers.
export { CANONICAL_DIALECTS, canonicalString } from './canonical.js';
export { DEFAULT_SIGN_METHOD, isSignMethod, SIGN_METHODS, SIGNATURE_HEX_LENGTH } from './sign-method.js';
export { NONCE_DIGITS, generateNonce } from './nonce.js';
export { computeSignature, generateTestHeaders, signRequest, } from './sign.js';
// Verification of signed requests (your own gateway), and the building blocks adapters share.
export { ipAllowed, verifyRequest, } from './verify.js';
export { hasPrototypeKey } from './prototype-keys.js';
// Stores: the interfaces other packages implement (e.g. @smskit/redis), with in-memory defaults.
export { MemoryNonceStore } from './stores.js';
// Errors: the platform's code catalogue and the one error class.
export { describeCode, ERROR_CODES, isPlatformCode, PLATFORM_CODES, platformCodeForHttpStatus, } from './error-codes.js';
export { isSmsError, SmsError, toSmsError } from './errors.js';
// Delivery states and the platform's `yyMMddHHmm` Beijing times.
export { DELIVERY_STATES, formatArriveTime, isDelivered, isReceiptStatus, parseArriveTime, RECEIPT_HORIZON_MS, RECEIPT_STATUSES, } from './delivery.js';
// Rules: templates and signatures.
export { ADVISED_TEMPLATE_LENGTH, checkSignature, checkTemplate, MAX_SIGNATURE_LENGTH, MAX_TEMPLATE_LENGTH, MIN_SIGNATURE_LENGTH, parseTemplate, } from './rules/template.js';
// Rules: phone numbers.
export { assertPhones, checkPhones, MAX_PHONES_PER_REQUEST, normalizePhone, } from './rules/phone.js';
// Rules: request fields (template parameters, batches, bid, extension codes).
export { assertBid, assertSendBatch, assertTemplateValues, assertUpExtendCode, decodeTemplateParam, decodeTemplateParamJson, encodeTemplateParam, encodeTemplateParamJson, MAX_BID_LENGTH, MAX_UP_EXTEND_CODE, } from './rules/request.js';
// Rules: message length in segments, and rendering a template.
export { countSegments, isGsm7, renderTemplate, SEGMENT_LIMITS, } from './rules/segments.js';
// The client: sends, queries, their options and events, and the shape of their results.
export { SmsClient } from './client/sms-client.js';
export { DEFAULT_BASE_URL } from './client/options.js';
export { sendResultOf } from './client/send-result.js';
export { callFailureOf } from './client/platform-call.js';
export { MAX_RECEIPT_QUERY_IDS } from './client/receipts.js';
// Receipt tracking: from sends to each message's final state.
export { ReceiptTracker, } from './client/receipt-tracker.js';
// Pushes: receipts and replies the platform pushes to you.
export { parseReceiptPush, parseReplyPush } from './push/payloads.js';
export { PushInbox, } from './push/inbox.js';
//# sourceMappingURL=index.js.map