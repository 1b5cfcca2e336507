/**
 * `@smskit/postman`: generates a Postman collection (v2.1) and environment for the SMS
 * platform API, with a collection-level pre-request script that signs every request as
 * `@smskit/core` does.
 *
 * @packageDocumentation
 */
export * from './collection-format.js';
export { generateCollection, type CollectionOptions } from './collection.js';
export { generateEnvironment, type EnvironmentOptions } from './environment.js';
export { SIGNING_SCRIPT } from './signing-script.js';
export { writePostmanFiles, type PostmanFilesOptions, type PostmanFilesWritten } from './postman-files.js';
export { ALIYUN_SIGNING_SCRIPT, generateAliyunCollection, generateAliyunEnvironment, type AliyunCollectionOptions } from './aliyun-collection.js';
export { generateTencentCollection, generateTencentEnvironment, type TencentCollectionOptions, type TencentEnvironmentOptions } from './tencent-collection.js';
export { TENCENT_SIGNING_SCRIPT } from './tencent-signing-script.js';
