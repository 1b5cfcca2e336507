import type { AliyunCodeEntry } from './entry.js';

/**
 * The POP gateway's codes: answered before dysmsapi looks at the request, as HTTP 4xx/5xx with
 * a JSON `Code`. Sources: help.aliyun.com/document_detail/101346.html and the POP common
 * client errors (see `/work/shared/providers/error-codes.md`). Everything refused here was not
 * sent; only a 5xx from inside the platform (`InternalError`) may have been.
 */
export const GATEWAY_CODES = {
  SignatureDoesNotMatch: {
    message: 'Specified signature is not matched with our calculation.',
    messageEn: 'The signature does not match the server’s calculation.',
    class: 'failover',
    httpStatus: 400,
    hint: 'Compare your string to sign with the server’s (smskit shows both): usual causes are `+` instead of `%20`, `!\'()*` left bare by encodeURIComponent, `~` encoded, the HMAC key missing its trailing `&`, a wrong AccessKey secret, or the Signature not URL-encoded in the query.',
  },
  IncompleteSignature: {
    message: 'The request signature does not conform to Aliyun standards.',
    messageEn: 'The V3 (ACS3) signature is malformed or incomplete.',
    class: 'failover',
    httpStatus: 400,
    hint: 'Send `Authorization: ACS3-HMAC-SHA256 Credential=<id>,SignedHeaders=<names>,Signature=<hex>` and sign host and every x-acs-* header, x-acs-content-sha256 included.',
  },
  'InvalidTimeStamp.Expired': {
    message: 'Specified time stamp or date value is expired.',
    messageEn: 'The Timestamp (or x-acs-date) is more than 15 minutes from the server time.',
    class: 'failover',
    httpStatus: 400,
    hint: 'Sync the clock with NTP and send UTC (`2024-01-02T03:04:05Z`), not local time; smskit signs each attempt with the current time.',
  },
  'InvalidTimeStamp.Format': {
    message: 'Specified time stamp or date value is not well formatted.',
    messageEn: 'The Timestamp is not ISO 8601 in UTC.',
    class: 'failover',
    httpStatus: 400,
    hint: 'Use `yyyy-MM-ddTHH:mm:ssZ` in UTC, without milliseconds.',
  },
  SignatureNonceUsed: {
    message: 'Specified signature nonce was used already.',
    messageEn: 'The SignatureNonce was used already (replay protection).',
    class: 'retry',
    httpStatus: 400,
    hint: 'Use a fresh random nonce for every request and every retry; smskit does.',
  },
  'InvalidAccessKeyId.NotFound': {
    message: 'Specified access key is not found.',
    messageEn: 'The AccessKeyId does not exist.',
    class: 'failover',
    httpStatus: 404,
    hint: 'Copy the AccessKey id from the RAM console again, without spaces.',
  },
  'InvalidAccessKeyId.Inactive': {
    message: 'Specified access key is disabled.',
    messageEn: 'The AccessKey is disabled.',
    class: 'failover',
    httpStatus: 400,
    hint: 'Enable the AccessKey in the RAM console, or use another.',
  },
  'Forbidden.RAM': {
    message: 'User not authorized to operate on the specified resource, or this API does not support RAM.',
    messageEn: 'The RAM user is not allowed to call this API.',
    class: 'failover',
    httpStatus: 403,
    hint: 'Grant the RAM user AliyunDysmsFullAccess, or a policy allowing dysms:SendSms.',
  },
  Throttling: {
    message: 'Request was denied due to request throttling.',
    messageEn: 'Too many requests: throttled.',
    class: 'retry',
    httpStatus: 400,
    hint: 'Back off and retry; SendSms allows about 5000 calls a second per account.',
  },
  'Throttling.User': {
    message: 'Request was denied due to user flow control.',
    messageEn: 'This account exceeded its call rate.',
    class: 'retry',
    httpStatus: 400,
    hint: 'Back off and retry.',
  },
  'Throttling.Api': {
    message: 'Request was denied due to api flow control.',
    messageEn: 'The API exceeded its call rate.',
    class: 'retry',
    httpStatus: 400,
    hint: 'Back off and retry.',
  },
  MissingParameter: {
    message: 'The input parameter that is mandatory for processing this request is not supplied.',
    messageEn: 'A required parameter is missing.',
    class: 'stop',
    httpStatus: 400,
    hint: 'Read the message for the parameter; SendSms needs PhoneNumbers, SignName and TemplateCode.',
  },
  MissingPhoneNumbers: {
    message: 'PhoneNumbers is mandatory for this action.',
    messageEn: 'PhoneNumbers is missing.',
    class: 'stop',
    httpStatus: 400,
    hint: 'Send at least one number.',
  },
  MissingSignName: {
    message: 'SignName is mandatory for this action.',
    messageEn: 'SignName is missing.',
    class: 'failover',
    httpStatus: 400,
    hint: 'Set signName in this channel’s template fields.',
  },
  MissingTemplateCode: {
    message: 'TemplateCode is mandatory for this action.',
    messageEn: 'TemplateCode is missing.',
    class: 'failover',
    httpStatus: 400,
    hint: 'Set templateCode in this channel’s template fields.',
  },
  InvalidParameter: {
    message: 'The specified parameter is not valid.',
    messageEn: 'A parameter is malformed.',
    class: 'stop',
    httpStatus: 400,
    hint: 'Read the message for the parameter at fault.',
  },
  InvalidVersion: {
    message: 'Specified parameter Version is not valid.',
    messageEn: 'The Version is not valid.',
    class: 'failover',
    httpStatus: 400,
    hint: 'dysmsapi’s Version is 2017-05-25.',
  },
  'InvalidAction.NotFound': {
    message: 'Specified api is not found, please check your url and method.',
    messageEn: 'The Action does not exist at this endpoint.',
    class: 'failover',
    httpStatus: 404,
    hint: 'Check Action (SendSms, SendBatchSms, QuerySendDetails) and the endpoint: domestic dysmsapi.aliyuncs.com, international dysmsapi.ap-southeast-1.aliyuncs.com.',
  },
  ServiceUnavailable: {
    message: 'The request has failed due to a temporary failure of the server.',
    messageEn: 'The service is unavailable (or this is the wrong endpoint for the product).',
    class: 'failover',
    httpStatus: 503,
    hint: 'For international SMS use dysmsapi.ap-southeast-1.aliyuncs.com and an international template (seed FAQ); otherwise the platform is down: another channel may serve.',
  },
  InternalError: {
    message: 'The request processing has failed due to some unknown error, exception or failure.',
    messageEn: 'Internal error on the platform: the send may or may not have happened.',
    class: 'unknown',
    httpStatus: 500,
    hint: 'Do not resend blindly (SendSms is not idempotent): query QuerySendDetails by OutId first; keep the RequestId for support.',
  },
} as const satisfies Record<string, AliyunCodeEntry>;
