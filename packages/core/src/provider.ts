/**
 * `@smskit/core/provider`: what a package that adds a channel for another SMS platform builds
 * on (`@smskit/aliyun` and `@smskit/tencent` do): the channel seam's types, the typed errors,
 * core's HTTP transport, E.164 numbers, and for push dialects the digest and the body checks.
 *
 * Everything here is also exported by `@smskit/core` itself, as the same values: the two
 * entries share one build, so `instanceof SmsError` holds across them. This entry exists for
 * the cold start of a provider package: importing it loads a small part of core instead of the
 * whole client, router, verifier and catalogue.
 *
 * @packageDocumentation
 */

export { SmsError, type SmsErrorOptions } from './errors.js';
export { digestText, type DigestAlgorithm, type DigestEncoding } from './digest.js';
export { nodeCrypto } from './node-builtin.js';
export { ChannelConfigError } from './channels/config-error.js';
export { classifyTransportError, HttpTransport, type HttpAnswer, type HttpTransportOptions, type TransportFailure, type TransportFailureInfo } from './client/transport.js';
export { parseE164, type E164Number } from './rules/e164.js';
export { pushTextDigest, type PushAnswer, type PushDialect, type PushKind, type PushRefusal } from './push/dialect.js';
export { checkPushShape, malformedPushError, pushShape, type CheckPushShapeOptions, type PushShape, type PushShapeIssue, type PushShapeResult } from './push/shape.js';
export type { IncomingHeaders } from './verify.js';
export type {
  ChannelBatchInput,
  ChannelCapabilities,
  ChannelFactoryInput,
  ChannelFailure,
  ChannelProvider,
  ChannelReceipt,
  ChannelSendInput,
  ChannelSendResult,
  ChannelTemplateFields,
  FailureClass,
  NumberOutcome,
  ReceiptPullInput,
  ReceiptQuery,
  ReceiptState,
  SmsChannel,
  TemplateCheckInput,
  TemplateValues,
} from './channels/channel.js';
