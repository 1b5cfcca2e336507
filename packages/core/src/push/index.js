export { parseReceiptPush, parseReplyPush } from './payloads.js';
export { PushInbox, } from './inbox.js';
//# sourceMappingURL=index.js.map