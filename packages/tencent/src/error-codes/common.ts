import type { TencentCodeEntry } from './entry.js';

/**
 * Tencent Cloud API 3.0's common codes (every product answers them in `Response.Error`), from
 * https://cloud.tencent.com/document/api/382/52075. `retry`: the request was refused before the
 * platform took it; `failover`: this account or channel cannot serve now; `stop`: the request
 * itself is wrong and would be wrong anywhere; `unknown`: the request may have been acted on.
 */
export const COMMON_CODES = {
  ActionOffline: { message: '接口已下线。', messageEn: 'The action is offline.', class: 'failover', hint: 'Upgrade smskit: this action is no longer served.' },
  'AuthFailure.InvalidAuthorization': { message: '请求头部的 Authorization 不符合腾讯云标准。', messageEn: 'The Authorization header is malformed.', class: 'failover', hint: 'Send `TC3-HMAC-SHA256 Credential=<SecretId>/<date>/<service>/tc3_request, SignedHeaders=content-type;host, Signature=<hex>` with ", " between the parts.' },
  'AuthFailure.InvalidSecretId': { message: '密钥非法（不是云 API 密钥类型）。', messageEn: 'The SecretId is not a cloud API key.', class: 'failover', hint: 'Create an API key under 访问管理 → API密钥管理 and use its SecretId.' },
  'AuthFailure.MFAFailure': { message: 'MFA 错误。', messageEn: 'Multi-factor authentication failed.', class: 'failover', hint: 'Use a key of a sub-account that does not require MFA for API calls.' },
  'AuthFailure.SecretIdNotFound': { message: '密钥不存在。请在控制台检查密钥是否已被删除或者禁用，如状态正常，请检查密钥是否填写正确，注意前后不得有空格。', messageEn: 'The SecretId does not exist or is disabled.', class: 'failover', hint: 'Check the SecretId in the console (deleted or disabled?) and that it has no leading or trailing space.' },
  'AuthFailure.SignatureExpire': { message: '签名过期。Timestamp 和服务器时间相差不得超过五分钟，请检查本地时间是否和标准时间同步。', messageEn: 'The signature expired: X-TC-Timestamp is more than 5 minutes from the server time.', class: 'failover', hint: 'Sync the clock with NTP; X-TC-Timestamp is seconds since the epoch (not milliseconds), signed with the UTC date.' },
  'AuthFailure.SignatureFailure': { message: '签名错误。签名计算错误，请对照调用方式中的签名方法文档检查签名计算过程。', messageEn: 'The signature does not match.', class: 'failover', hint: 'Check the SecretKey; sign the exact body bytes sent; sign the same Content-Type that is sent; sign host without a port; use the UTC date; derive the key from "TC3" + SecretKey; lower-case hex.' },
  'AuthFailure.TokenFailure': { message: 'token 错误。', messageEn: 'The temporary credential token is invalid or expired.', class: 'failover', hint: 'Refresh the temporary credentials and send the new token as X-TC-Token.' },
  'AuthFailure.UnauthorizedOperation': { message: '请求未授权。请参考 CAM 文档对鉴权的说明。', messageEn: 'CAM does not authorise this request.', class: 'failover', hint: 'Grant the key a policy allowing sms:SendSms (or QcloudSMSFullAccess).' },
  DryRunOperation: { message: 'DryRun 操作，代表请求将会是成功的，只是多传了 DryRun 参数。', messageEn: 'Dry run: the request would have succeeded.', class: 'stop', hint: 'Remove the DryRun parameter to send.' },
  FailedOperation: { message: '操作失败。', messageEn: 'The operation failed.', class: 'stop', hint: 'Read the message for the cause; keep the RequestId for support.' },
  InternalError: { message: '内部错误。', messageEn: 'Internal error on the platform.', class: 'unknown', hint: 'The request may have been acted on: check receipts (PullSmsSendStatus) before sending again; keep the RequestId.' },
  InvalidAction: { message: '接口不存在。', messageEn: 'The action does not exist.', class: 'failover', hint: 'Check X-TC-Action (SendSms, PullSmsSendStatus, …) and that the host is sms.tencentcloudapi.com.' },
  InvalidParameter: { message: '参数错误（包括参数格式、类型等错误）。', messageEn: 'A parameter is invalid (format or type).', class: 'stop', hint: 'Read the message for the parameter at fault; TemplateId and SmsSdkAppId are strings.' },
  InvalidParameterValue: { message: '参数取值错误。', messageEn: 'A parameter value is invalid.', class: 'stop', hint: 'Read the message for the parameter at fault.' },
  InvalidRequest: { message: '请求 body 的 multipart 格式错误。', messageEn: 'The request body is malformed.', class: 'stop', hint: 'Send JSON with Content-Type: application/json.' },
  IpInBlacklist: { message: 'IP地址在黑名单中。', messageEn: 'The calling IP address is blacklisted.', class: 'failover', hint: 'Call from another address, or ask Tencent Cloud support.' },
  IpNotInWhitelist: { message: 'IP地址不在白名单中。', messageEn: 'The calling IP address is not on the whitelist.', class: 'failover', hint: "Add the server's public egress IP to the key's IP whitelist." },
  LimitExceeded: { message: '超过配额限制。', messageEn: 'A quota was exceeded.', class: 'failover', hint: 'Raise the quota in the console or wait for it to reset.' },
  MissingParameter: { message: '缺少参数错误。', messageEn: 'A required parameter is missing.', class: 'stop', hint: 'Read the message for the missing parameter (SmsSdkAppId, TemplateId, PhoneNumberSet, …).' },
  NoSuchProduct: { message: '产品不存在。', messageEn: 'The product does not exist.', class: 'failover', hint: 'The credential scope names service "sms" and the host is sms.tencentcloudapi.com.' },
  NoSuchVersion: { message: '接口版本不存在。', messageEn: 'The API version does not exist.', class: 'failover', hint: 'Send X-TC-Version: 2021-01-11.' },
  RequestLimitExceeded: { message: '请求的次数超过了频率限制。', messageEn: 'Too many API calls; slow down.', class: 'retry', hint: 'Back off and retry; SendSms allows about 3000 calls a second per account.' },
  'RequestLimitExceeded.GlobalRegionUinLimitExceeded': { message: '主账号超过频率限制。', messageEn: 'The root account exceeded its call rate.', class: 'retry', hint: 'Back off and retry.' },
  'RequestLimitExceeded.IPLimitExceeded': { message: 'IP限频。', messageEn: 'This IP address exceeded its call rate.', class: 'retry', hint: 'Back off and retry.' },
  'RequestLimitExceeded.UinLimitExceeded': { message: '主账号限频。', messageEn: 'The account exceeded its call rate.', class: 'retry', hint: 'Back off and retry.' },
  RequestSizeLimitExceeded: { message: '请求包超过限制大小。', messageEn: 'The request body is too large.', class: 'stop', hint: 'Send at most 200 numbers a request and shorter parameters.' },
  ResourceInUse: { message: '资源被占用。', messageEn: 'The resource is in use.', class: 'retry', hint: 'Retry after a short backoff.' },
  ResourceInsufficient: { message: '资源不足。', messageEn: 'Insufficient resources.', class: 'failover', hint: 'Check the SMS package balance in the console.' },
  ResourceNotFound: { message: '资源不存在。', messageEn: 'The resource does not exist.', class: 'failover', hint: 'Check SmsSdkAppId, TemplateId and SignName against the console.' },
  ResourceUnavailable: { message: '资源不可用。', messageEn: 'The resource is unavailable.', class: 'failover', hint: 'Check that the application and package are active.' },
  ResponseSizeLimitExceeded: { message: '返回包超过限制大小。', messageEn: 'The response would be too large.', class: 'stop', hint: 'Ask for fewer items (Limit) at a time.' },
  ServiceUnavailable: { message: '当前服务暂时不可用。', messageEn: 'The service is temporarily unavailable.', class: 'failover', hint: 'The platform is down: use another channel, retry later.' },
  UnauthorizedOperation: { message: '未授权操作。', messageEn: 'The operation is not authorised.', class: 'failover', hint: 'Grant the key sms:SendSms in CAM.' },
  UnknownParameter: { message: '未知参数错误，用户多传未定义的参数会导致错误。', messageEn: 'An unknown parameter was sent.', class: 'stop', hint: 'Send only the fields of SendSms 2021-01-11 (PhoneNumberSet, SmsSdkAppId, TemplateId, …).' },
  UnsupportedOperation: { message: '操作不支持。', messageEn: 'The operation is not supported.', class: 'stop', hint: 'Read the message for the cause.' },
  UnsupportedProtocol: { message: 'http(s) 请求协议错误，只支持 GET 和 POST 请求。', messageEn: 'Unsupported protocol or method: only GET and POST.', class: 'failover', hint: 'POST over HTTPS.' },
  UnsupportedRegion: { message: '接口不支持所传地域。', messageEn: 'The region is not supported.', class: 'failover', hint: 'Use ap-guangzhou, ap-beijing or ap-nanjing.' },
} as const satisfies Record<string, TencentCodeEntry>;
