export * from './aliyun-channel.js';
export * from './provider.js';
export * from './receipts.js';
export * from './template-fields.js';
