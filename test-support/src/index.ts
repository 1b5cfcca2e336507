// Helpers for smskit's own tests; this package is private and never published.
export { CHROMIUM_PATH, chromiumAvailable } from './chromium.js';
export { independentlySigned } from './independent-signer.js';
export { redisAnswers } from './redis.js';
