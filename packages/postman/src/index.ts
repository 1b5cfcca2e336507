/**
 * `@smskit/postman`: generates a Postman collection (v2.1) and environment for the SMS
 * platform API, with a collection-level pre-request script that signs every request as
 * `@smskit/core` does.
 *
 * @packageDocumentation
 */
export { SIGNING_SCRIPT } from './signing-script.js';
