export * from './options.js';
export * from './answer.js';
export * from './requests.js';
export * from './aliyun-client.js';
