export { parseReceiptPush, parseReplyPush, type Receipt, type Reply } from './payloads.js';
export {
  PushInbox,
  type IncomingPush,
  type PushFailure,
  type PushInboxOptions,
  type PushInfo,
} from './inbox.js';
export { infocloudPushDialect, pushTextDigest, type InfocloudPushDialectOptions, type PushAnswer, type PushDialect, type PushKind, type PushRefusal } from './dialect.js';
export { checkPushShape, malformedPushError, pushShape, type CheckPushShapeOptions, type PushShape, type PushShapeIssue, type PushShapeResult } from './shape.js';
