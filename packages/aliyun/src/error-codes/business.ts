import type { AliyunCodeEntry } from './entry.js';

type Entry = Omit<AliyunCodeEntry, 'httpStatus'>;

// `stop`: the request or the recipient is the problem and would be on every channel — sending
// elsewhere would undo the platform's protection (a per-number limit above all).
const STOP = {
  'isv.BUSINESS_LIMIT_CONTROL': { message: '业务限流', messageEn: 'Per-number flow control: this number received too many messages (defaults for verification codes: 1 a minute, 5 an hour, 10 a day).', class: 'stop', hint: 'Never fail over (that undoes the anti-bombing limit): tell the user to wait; limit per number on your side (@smskit/otp); adjust 发送频率设置 in the console.' },
  'isv.MOBILE_NUMBER_ILLEGAL': { message: '非法手机号', messageEn: 'The phone number is malformed.', class: 'stop', hint: 'Mainland numbers are 11 digits without +86; international numbers are the country code and number.' },
  'isv.MOBILE_COUNT_OVER_LIMIT': { message: '手机号码数量超过限制', messageEn: 'Too many numbers in one request (SendSms at most 1000, SendBatchSms at most 100).', class: 'stop', hint: 'Split the numbers; smskit’s channel never sends more.' },
  'isv.TEMPLATE_PARAMS_ILLEGAL': { message: '传入的变量内容和实际申请模板时变量所选择的属性类型不配', messageEn: 'A value does not match its template variable’s type (for example a non-digit verification code).', class: 'stop', hint: 'Send values of the type declared for each ${var} in the template.' },
  'isv.INVALID_JSON_PARAM': { message: 'JSON参数不合法，只接受字符串值', messageEn: 'TemplateParam is not a JSON object of strings.', class: 'stop', hint: 'Send {"code":"123456"}, not {"code":123456}.' },
  'isv.INVALID_PARAMETERS': { message: '参数格式不正确', messageEn: 'A parameter is malformed.', class: 'stop', hint: 'Check PhoneNumbers, SignName, TemplateCode and TemplateParam.' },
  'isv.PARAM_LENGTH_LIMIT': { message: '参数超出长度限制', messageEn: 'A variable’s value is too long.', class: 'stop', hint: 'Shorten the value, or put the fixed text into the template.' },
  'isv.PARAM_NOT_SUPPORT_URL': { message: '不支持URL', messageEn: 'A URL is not allowed as a variable’s value.', class: 'stop', hint: 'Put the link into the reviewed template itself.' },
  'isv.BLACK_KEY_CONTROL_LIMIT': { message: '黑名单管控', messageEn: 'A value contains a blacklisted keyword, or the number is blacklisted.', class: 'stop', hint: 'Remove the word, or move fixed text into the template; a blacklisted number (unsubscribed or complained) cannot be sent this content.' },
  'isv.SMS_CONTENT_ILLEGAL': { message: '短信内容包含禁止发送内容', messageEn: 'The content contains forbidden text.', class: 'stop', hint: 'Change the wording.' },
  'isv.CUSTOMER_REFUSED': { message: '用户已退订推广短信', messageEn: 'The recipient unsubscribed from promotional messages.', class: 'stop', hint: 'Remove the recipient from promotional sends.' },
} as const satisfies Record<string, Entry>;

// `failover`: this channel cannot serve now — account, balance, auth or configuration, the
// template or signature not approved here. Another channel may.
const FAILOVER = {
  'isv.DAY_LIMIT_CONTROL': { message: '触发日发送限额', messageEn: 'The account’s daily send cap was reached.', class: 'failover', hint: 'Raise the cap under 国内消息设置 → 安全设置, or wait until tomorrow.' },
  'isv.MONTH_LIMIT_CONTROL': { message: '触发月发送限额', messageEn: 'The account’s monthly send cap was reached.', class: 'failover', hint: 'Raise the cap under 国内消息设置 → 安全设置.' },
  'isv.TEMPLATE_MISSING_PARAMETERS': { message: '模板变量中存在未赋值变量', messageEn: 'A variable of this channel’s template got no value.', class: 'failover', hint: 'Map every ${var} of the Aliyun template in this channel’s template fields; another channel’s template may need fewer.' },
  'isv.SMS_TEMPLATE_ILLEGAL': { message: '该账号下找不到对应模板', messageEn: 'The template does not exist, is not approved, or belongs to another account.', class: 'failover', hint: 'Use an approved TemplateCode (SMS_…) of this account.' },
  'isv.SMS_SIGNATURE_ILLEGAL': { message: '该账号下找不到对应签名', messageEn: 'The signature does not exist or is not approved for this account.', class: 'failover', hint: 'Use the exact approved SignName text.' },
  'isv.SMS_SIGN_ILLEGAL': { message: '签名禁止使用', messageEn: 'The signature may not be used.', class: 'failover', hint: 'Check the signature’s state in the console.' },
  'isv.SIGN_STATE_ILLEGAL': { message: '签名状态不可用', messageEn: 'The signature is unavailable (for example its real-name filing is incomplete).', class: 'failover', hint: 'Complete the signature’s filing in the console.' },
  'isv.SMS_SIGNATURE_SCENE_ILLEGAL': { message: '签名和模板类型不一致', messageEn: 'The signature’s type does not match the template’s.', class: 'failover', hint: 'Use a 通用 signature, or a verification signature with a verification template.' },
  'isv.SMS_TEST_NUMBER_LIMIT': { message: '只能向已回复授权信息的手机号发送', messageEn: 'A test signature or template sends only to bound test numbers.', class: 'failover', hint: 'Bind the number as a test number, or use a formal signature and template.' },
  'isv.SMS_TEST_SIGN_TEMPLATE_LIMIT': { message: '测试模板和签名限制', messageEn: 'A test signature goes with a test template only.', class: 'failover', hint: 'Pair test with test, formal with formal.' },
  'isv.SMS_TEST_TEMPLATE_PARAMS_ILLEGAL': { message: '测试专用模板中的变量仅支持4~6位纯数字', messageEn: 'The test template takes 4–6 digits only.', class: 'failover', hint: 'Send a 4–6 digit code, or use a formal template.' },
  'isv.DOMESTIC_NUMBER_NOT_SUPPORTED': { message: '国际/港澳台消息模板不支持发送境内号码', messageEn: 'An international template cannot send to a mainland number.', class: 'failover', hint: 'Use a domestic template and endpoint for mainland numbers.' },
  'isv.DENY_IP_RANGE': { message: '源IP地址所在的地区被禁用', messageEn: 'The calling address’s region is not allowed.', class: 'failover', hint: 'Call domestic SMS from a mainland address, or use the matching endpoint.' },
  'isv.EXTEND_CODE_ERROR': { message: '扩展码使用错误，相同的扩展码不可用于多个签名', messageEn: 'The same SmsUpExtendCode was used with different signatures.', class: 'failover', hint: 'Give each signature its own extend code.' },
  'isv.AMOUNT_NOT_ENOUGH': { message: '账户余额不足', messageEn: 'The account balance is insufficient.', class: 'failover', hint: 'Top up the account.' },
  'isv.OUT_OF_SERVICE': { message: '业务停机', messageEn: 'The service is suspended for arrears.', class: 'failover', hint: 'Top up: an overdue balance suspends sending even with package quota left.' },
  'isv.PRODUCT_UN_SUBSCRIPT': { message: '未开通云通信产品的阿里云客户', messageEn: 'The account has not activated the SMS product.', class: 'failover', hint: 'Activate SMS (短信服务) for this account.' },
  'isv.PRODUCT_UNSUBSCRIBE': { message: '产品未开通', messageEn: 'The product is not activated.', class: 'failover', hint: 'Activate SMS for this account.' },
  'isv.ACCOUNT_NOT_EXISTS': { message: '账户不存在', messageEn: 'The account does not exist.', class: 'failover', hint: 'Check which account the AccessKey belongs to.' },
  'isv.ACCOUNT_ABNORMAL': { message: '账户异常', messageEn: 'The account is abnormal.', class: 'failover', hint: 'Open a ticket with Aliyun.' },
  'isv.SECURITY_FROZEN_ACCOUNT': { message: '因安全风险，账号已被冻结', messageEn: 'The account is frozen by security controls.', class: 'failover', hint: 'Open a ticket with Aliyun.' },
  'isp.RAM_PERMISSION_DENY': { message: 'RAM权限DENY', messageEn: 'The RAM user lacks permission.', class: 'failover', hint: 'Grant AliyunDysmsFullAccess or dysms:SendSms.' },
} as const satisfies Record<string, Entry>;

// `unknown`: the platform failed inside after taking the request; the send may have happened
// (SendSms is not idempotent), so it is reconciled by OutId, never resent.
const UNKNOWN = {
  'isp.SYSTEM_ERROR': { message: '系统错误', messageEn: 'Platform error: the send may or may not have happened.', class: 'unknown', hint: 'Query QuerySendDetails by OutId before sending again; keep the RequestId.' },
  'isp.GATEWAY_ERROR': { message: '网关错误', messageEn: 'Gateway error inside the platform: the send may or may not have happened.', class: 'unknown', hint: 'Query QuerySendDetails by OutId before sending again.' },
} as const satisfies Record<string, Entry>;

function answeredWith200<T extends Record<string, Entry>>(codes: T): { [K in keyof T]: T[K] & { readonly httpStatus: 200 } } {
  const out: Record<string, AliyunCodeEntry> = {};
  for (const [code, entry] of Object.entries(codes)) out[code] = { ...entry, httpStatus: 200 };
  return out as { [K in keyof T]: T[K] & { readonly httpStatus: 200 } };
}

/**
 * dysmsapi's business codes: answered as HTTP 200 with `Code` other than `"OK"`. Sources:
 * Aliyun "API错误码" (help.aliyun.com/document_detail/101346.html) and the FAQ of seed 003.
 */
export const BUSINESS_CODES = answeredWith200({ ...STOP, ...FAILOVER, ...UNKNOWN });
