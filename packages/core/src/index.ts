/**
 * `@smskit/core`: the protocol layer of the HMAC-signed SMS platform API — signing and
 * verification, the error-code catalogue, delivery states, template, phone and length rules,
 * the typed client, push parsing, and the store interfaces with in-memory defaults.
 *
 * The public API is this list, by name: a file's other exports are internals that may change
 * in any release. Importing the package for signing or verification does not load Node's HTTP
 * modules: they load on the client's first request. Pushes are checked by hand (`pushShape`),
 * with no schema library.
 *
 * @packageDocumentation
 */

// Signing: the canonical string, the six HMAC methods, the signed headers.
export { CANONICAL_DIALECTS, canonicalString, type CanonicalDialect, type SignableParams, type SignedHeaderValues } from './canonical.js';
export { DEFAULT_SIGN_METHOD, isSignMethod, SIGN_METHODS, SIGNATURE_HEX_LENGTH, type SignMethod } from './sign-method.js';
export { NONCE_DIGITS, generateNonce } from './nonce.js';
export {
  computeSignature,
  generateTestHeaders,
  signRequest,
  type SignedHeaders,
  type SignedRequest,
  type SignRequestOptions,
} from './sign.js';

// Verification of signed requests (your own gateway), and the building blocks adapters share.
export {
  DEFAULT_TOLERANCE_MS,
  verifyRequest,
  type ApiCredentials,
  type CredentialsResolver,
  type IncomingHeaders,
  type SignedRequestInput,
  type VerifyCheck,
  type VerifyFailure,
  type VerifyRequestOptions,
  type VerifyResult,
  type VerifySuccess,
} from './verify.js';
export { SignatureVerifier, type SignatureVerifierOptions } from './signature-verifier.js';
export { hasPrototypeKey, jsonBodyFault, MAX_BODY_DEPTH, signableParams, type SignableParamsResult } from './signable-params.js';
export { forwardedSourceIp, ipAllowed, type ForwardedSourceIpOptions } from './ip-allowlist.js';
export { errorAnswer, type ErrorAnswer, type PlatformErrorBody } from './error-answer.js';

// Stores: the interfaces other packages implement (e.g. @smskit/redis), with in-memory defaults.
export {
  EXPIRED_CODE_GRACE_MS,
  maskPhone,
  MemoryCodeStore,
  MemoryLimitStore,
  MemoryNonceStore,
  MemorySendLog,
  type CodeAttempt,
  type CodeCheck,
  type CodePut,
  type CodeStore,
  type FixedLimitCheck,
  type LimitCheck,
  type LimitConsumeRequest,
  type LimitDecision,
  type LimitGranted,
  type LimitRefusal,
  type LimitRefused,
  type LimitStore,
  MemoryPacerStore,
  type MemoryNonceStoreOptions,
  type MemoryPacerStoreOptions,
  type PacerDecision,
  type PacerFull,
  type PacerReleaseRequest,
  type PacerStore,
  type PacerTaken,
  type PacerTakeRequest,
  type MemorySendLogOptions,
  type NonceStore,
  type RollingLimitCheck,
  type SendLogPassedOver,
  type SendLogRecord,
  type SendLogStore,
  type SendOutcome,
} from './stores.js';

// The platform's endpoints as data (paths, signing, rate and id limits), and Beijing time.
export {
  describeRateLimit,
  MAX_PHONES_PER_REQUEST,
  MAX_RECEIPT_QUERY_IDS,
  PLATFORM_ENDPOINTS,
  RATE_LIMITED_ENDPOINTS,
  RECEIPT_RETENTION_MS,
  type EndpointSpec,
  type PlatformEndpoint,
  type RateLimit,
  type RateLimitedEndpoint,
} from './endpoints.js';
export { BEIJING_OFFSET_MS, beijingDate, beijingWallClock, fromBeijingWallClock } from './beijing-time.js';

// Errors: the platform's code catalogue and the one error class.
export {
  describeCode,
  ERROR_CODES,
  isPlatformCode,
  PLATFORM_CODES,
  platformCodeForHttpStatus,
  type ErrorCodeEntry,
  type PlatformCode,
} from './error-codes.js';
export { isSmsError, SmsError, toSmsError, type SmsErrorOptions } from './errors.js';

// One-shot digests (signing in the provider packages).
export { digestText, type DigestAlgorithm, type DigestEncoding } from './digest.js';
export { nodeCrypto } from './node-builtin.js';

// Delivery states and the platform's `yyMMddHHmm` Beijing times.
export {
  DELIVERY_STATES,
  formatArriveTime,
  isDelivered,
  isReceiptStatus,
  parseArriveTime,
  RECEIPT_HORIZON_MS,
  RECEIPT_STATUSES,
  type ReceiptStatus,
} from './delivery.js';

// Rules: templates and signatures.
export {
  ADVISED_TEMPLATE_LENGTH,
  checkSignature,
  checkTemplate,
  MAX_SIGNATURE_LENGTH,
  MAX_TEMPLATE_LENGTH,
  MIN_SIGNATURE_LENGTH,
  parseTemplate,
  type ParsedTemplate,
  type RuleSeverity,
  type RuleViolation,
  type SignatureRule,
  type SignatureViolation,
  type TemplateRule,
  type TemplateVariable,
  type TemplateViolation,
} from './rules/template.js';

// Rules: phone numbers.
export {
  assertPhoneCheck,
  assertPhones,
  checkPhones,
  normalizePhone,
  type InvalidPhone,
  type InvalidPhoneReason,
  type PhoneCheck,
  type PhoneCheckOptions,
  type PhoneCheckVerdictOptions,
} from './rules/phone.js';

// Rules: international (E.164) numbers, for channels that send abroad.
export {
  assertE164Numbers,
  classifyE164,
  parseE164,
  type E164CheckOptions,
  type E164Number,
  type E164Reason,
} from './rules/e164.js';

// Rules: request fields (template parameters, batches, bid, extension codes).
export {
  assertBid,
  assertSendBatch,
  assertTemplateValues,
  assertUpExtendCode,
  decodeTemplateParam,
  decodeTemplateParamJson,
  encodeTemplateParam,
  encodeTemplateParamJson,
  MAX_BID_LENGTH,
  MAX_UP_EXTEND_CODE,
  type SendBatch,
  type SendBatchOptions,
  type TemplateSource,
  type TemplateValuesOptions,
  type UpExtendCodeOptions,
} from './rules/request.js';

// Rules: message length in segments, and rendering a template.
export {
  countSegments,
  isGsm7,
  renderTemplate,
  SEGMENT_LIMITS,
  type CountSegmentsOptions,
  type MessageEncoding,
  type RenderTemplateOptions,
  type SegmentCount,
  type SegmentLimits,
} from './rules/segments.js';

// The client: sends, queries, their options and events, and the shape of their results.
export { SmsClient } from './client/sms-client.js';
export { DEFAULT_BASE_URL, type PacingOptions, type RetryOptions, type SharedPacingOptions, type SmsClientOptions } from './client/options.js';
export type { BatchMessage, SendBatchInput, SendCommon, SendInput, SendProgress } from './client/send-input.js';
export { sendResultOf, type ChunkResult, type ChunkStatus, type SendFailureDetails, type SendResult } from './client/send-result.js';
export { callFailureOf, type CallFailureDetails } from './client/platform-call.js';
export {
  classifyTransportError,
  HttpTransport,
  type HttpAnswer,
  type HttpTransportOptions,
  type TransportFailure,
  type TransportFailureInfo,
} from './client/transport.js';
export type { BalanceEntry, CallOptions, DailyStatistics, HealthStatus, ReceiptQueryInput, StatisticsInput, StatisticsPage } from './client/queries.js';
export type { DeliveryReceipt } from './client/receipts.js';
export type {
  CallOutcome,
  ClientEndpoint,
  ClientEventBase,
  ClientHooks,
  ClientLogger,
  ErrorEvent,
  RequestEvent,
  ResponseEvent,
  RetryEvent,
} from './client/events.js';

// Receipt tracking: from sends to each message's final state.
export {
  ReceiptTracker,
  type FinalStatus,
  type MessageOutcome,
  type ReceiptLike,
  type ReceiptSource,
  type ReceiptTrackerOptions,
  type TrackedSend,
} from './client/receipt-tracker.js';

// Pushes: receipts and replies the platform pushes to you.
export { parseReceiptPush, parseReplyPush, type Receipt, type Reply } from './push/payloads.js';
export { PushInbox, type IncomingPush, type PushFailure, type PushInboxOptions, type PushInfo } from './push/inbox.js';
export {
  infocloudPushDialect,
  pushTextDigest,
  type InfocloudPushDialectOptions,
  type PushAnswer,
  type PushDialect,
  type PushKind,
  type PushRefusal,
} from './push/dialect.js';
// Checking a pushed body by hand, for provider packages' dialects (no schema library at run time).
export {
  checkPushShape,
  malformedPushError,
  pushShape,
  type CheckPushShapeOptions,
  type PushShape,
  type PushShapeIssue,
  type PushShapeResult,
} from './push/shape.js';

// Channels: several providers behind one router that knows retry from fail over from stop.
export {
  canServe,
  ChannelConfigError,
  ChannelReceiptBook,
  ChannelRouter,
  classifyInfocloudError,
  createChannels,
  createRouterFromConfig,
  fromInfocloudReceipt,
  INFOCLOUD_FAILURE_CLASSES,
  infocloudChannel,
  infocloudProvider,
  parseChannelsConfig,
  toRoutableNumber,
  type BreakerState,
  type ChannelBalanceEntry,
  type ChannelBatchInput,
  type ChannelBatchMessage,
  type ChannelBreakerOptions,
  type ChannelCapabilities,
  type ChannelEntry,
  type ChannelFactoryInput,
  type ChannelFailure,
  type ChannelHealth,
  type ChannelProvider,
  type ChannelReceipt,
  type ChannelReceiptBookOptions,
  type ChannelRequestBase,
  type ChannelRetryOptions,
  type ChannelRouterOptions,
  type ChannelsConfig,
  type ChannelSendInput,
  type ChannelSendResult,
  type ChannelTemplateFields,
  type FailureClass,
  type InfocloudChannelOptions,
  type LogicalTemplate,
  type NumberKind,
  type NumberOutcome,
  type NumberStatus,
  type ParseChannelsConfigOptions,
  type PassedOver,
  type PassOverReason,
  type ReceiptPullInput,
  type ReceiptQuery,
  type ReceiptState,
  type RoutableNumber,
  type RouteBatchInput,
  type RoutedNumber,
  type RouteResult,
  type RouterChannel,
  type RouterFromConfigOptions,
  type RouteSendInput,
  type SmsChannel,
  type TemplateCheckInput,
  type TemplateValues,
  type TrackedMessage,
  type UnroutableNumber,
} from './channels/index.js';

// OpenTelemetry: spans and metrics through the optional @opentelemetry/api, required on first use.
export {
  recordTelemetry,
  SMS_METRICS,
  startTelemetrySpan,
  Telemetry,
  telemetry,
  type SmsMetricDefinition,
  type SmsMetricName,
  type TelemetryApiLoader,
  type TelemetryAttributes,
  type TelemetryMeasurement,
  type TelemetrySpan,
  type TelemetrySpanKind,
  type TelemetrySpanOptions,
} from './telemetry.js';
