export { parseReceiptPush, parseReplyPush, type Receipt, type Reply } from './payloads.js';
export { PushInbox, type IncomingPush, type PushAnswer, type PushFailure, type PushInboxOptions, type PushInfo, type PushKind, } from './inbox.js';
