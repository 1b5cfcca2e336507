/**
 * Every return code of the platform (SPEC §5), as data. Each entry gives the platform's own
 * wording, an English message, whether a retry can help, the HTTP status smskit answers with
 * when it plays the server itself, and a hint on how to fix it, drawn from the vendor's FAQs.
 */
export const ERROR_CODES = {
    /** Busy, or another transient cause: retry later with backoff. */
    [-1]: {
        message: '系统繁忙，请稍后再试或者其他原因',
        messageEn: 'The platform is busy or failed for another reason; try again later.',
        retryable: true,
        httpStatus: 503,
        hint: 'Transient: retry with exponential backoff. If it persists, give the requestId to the platform support.',
    },
    /** Success. */
    200: {
        message: '请求成功',
        messageEn: 'OK.',
        retryable: false,
        httpStatus: 200,
        hint: 'No action needed.',
    },
    /** The caller's IP is not on the apiKey's whitelist. */
    2000: {
        message: 'IP白名单限制',
        messageEn: "The caller's IP address is not on this apiKey's whitelist.",
        retryable: false,
        httpStatus: 403,
        hint: "Add the server's public egress IP (not its private address; behind NAT or a proxy, the address the platform sees) to the whitelist in the console under 接口配置 → 接口信息.",
    },
    /** Signature, apiKey or timestamp rejected. */
    2001: {
        message: 'API授权错误',
        messageEn: 'Authorization failed: the apiKey, the signature or the timestamp was rejected.',
        retryable: false,
        httpStatus: 401,
        hint: 'Check, in order: the apiKey and accessKey match the console (no stray spaces); x-sign-method names the same HMAC the signature was computed with; the canonical string sorts body parameters and the four x- headers by key; key and string are UTF-8 (try an all-ASCII templateParam — if that works, fix the charset of the HTTP client or container); the server clock is within 60 s (sync with NTP); the nonce is fresh. `smskit verify` shows the canonical strings to compare with.',
    },
    /** Rate limited. */
    6000: {
        message: '访问频繁,请稍后再试',
        messageEn: 'Too many requests; slow down and try again later.',
        retryable: true,
        httpStatus: 429,
        hint: 'Stay under about 300 requests/s for sends; receipt queries 3/min, statistics 4/min, balance once per 15 s. smskit’s client paces for you unless pacing is disabled.',
    },
    /** Balance exhausted. */
    40002: {
        message: '余额不足',
        messageEn: 'Insufficient balance.',
        retryable: false,
        httpStatus: 402,
        hint: 'Top up the account, or check which balance (行业短信 / 会员短信 / 推广短信) the template draws from with a balance query.',
    },
    /** A parameter is missing or malformed. */
    40004: {
        message: '参数错误,详情见提示',
        messageEn: 'A parameter is missing or malformed; see the details.',
        retryable: false,
        httpStatus: 400,
        hint: 'Read the message for the parameter at fault. Every call is a POST with a JSON body and Content-Type: application/json; the five x- headers must all be present, x-timestamp 13 digits and x-nonce digits only.',
    },
    /** Template parameters exceed the template's settings. */
    40005: {
        message: '超出模板参数设置限制',
        messageEn: "The request exceeds the limits set on the template (recipients per send, sends per number per day, sends per day).",
        retryable: false,
        httpStatus: 400,
        hint: 'Check the limits set on the template in the console, or spread the send over more time.',
    },
    /** Extension code mismatch. */
    40006: {
        message: '扩展号不匹配或者被企业其他账号占用',
        messageEn: 'The upExtendCode does not match, or another account of the company uses it.',
        retryable: false,
        httpStatus: 400,
        hint: 'Use an upExtendCode between 1 and 99 assigned to this account, or leave it out.',
    },
    /** Unknown template. */
    60001: {
        message: '模板不存在',
        messageEn: 'The template does not exist.',
        retryable: false,
        httpStatus: 404,
        hint: 'Use the template number (模板编号) shown in the console after the template was approved; a template pending review or rejected does not exist for sending.',
    },
    /** sendBatch: numbers and parameter lists differ in count. */
    60002: {
        message: '批量发送下电话数量和参数数量不一样',
        messageEn: 'sendBatch: the number of phones differs from the number of parameter lists.',
        retryable: false,
        httpStatus: 400,
        hint: 'phonesJson and templateParamJson must have the same length, in the same order; for a template without variables send ["", "", …] with one entry per number.',
    },
    /** Variable count differs from the template's. */
    60003: {
        message: '短信变量个数和模板变量个数不一样',
        messageEn: "The number of values differs from the template's number of variables.",
        retryable: false,
        httpStatus: 400,
        hint: 'Count the {name,maxLen} variables in the template text (a dynamic signature is a variable too) and send exactly one value per variable, in order; leave templateParam out for a template without variables.',
    },
    /** A value is longer than its variable allows. */
    60004: {
        message: '变量值超过模板设置的变量值最大长度',
        messageEn: "A value is longer than its variable's maximum length.",
        retryable: false,
        httpStatus: 400,
        hint: 'Each value must fit the maxLen written in its {name,maxLen} variable; shorten the value or raise the limit in a new template.',
    },
    /** Nothing to send. */
    60005: {
        message: '没有可以发送的内容',
        messageEn: 'There is nothing to send.',
        retryable: false,
        httpStatus: 400,
        hint: 'Every number was rejected or the rendered message is empty; check failPhones and the template values.',
    },
    /** Parameters are not a JSON array of strings. */
    60006: {
        message: '模板参数变量格式错误',
        messageEn: 'The template parameters are malformed.',
        retryable: false,
        httpStatus: 400,
        hint: 'templateParam is a JSON array of strings as a string, e.g. "[\\"张三\\",\\"02\\"]"; templateParamJson an array of such arrays. A backslash inside a value is written \\\\ in JSON.',
    },
    /** A phone number is malformed. */
    60007: {
        message: '手机号参数格式错误',
        messageEn: 'A phone number is malformed.',
        retryable: false,
        httpStatus: 400,
        hint: 'Mainland mobile numbers: 11 digits starting 13–19, comma-separated for send, a JSON array for sendBatch; strip +86, spaces and dashes.',
    },
    /** Over 1000 numbers in one request. */
    60008: {
        message: '手机号数量大于1000',
        messageEn: 'More than 1000 phone numbers in one request.',
        retryable: false,
        httpStatus: 400,
        hint: 'Split the numbers into requests of at most 1000 (smskit’s client does this for you).',
    },
    /** SMS resource locked: transient. */
    60009: {
        message: '短信资源被锁定',
        messageEn: 'The SMS resource is locked; try again later.',
        retryable: true,
        httpStatus: 423,
        hint: 'Transient: retry after a short backoff.',
    },
};
/** Every known code, in numeric order. */
export const PLATFORM_CODES = Object.keys(ERROR_CODES).map(Number).sort((a, b) => a - b);
/** True when the catalogue knows `code`. */
export function isPlatformCode(code) {
    return typeof code === 'number' && Object.prototype.hasOwnProperty.call(ERROR_CODES, code);
}
/**
 * The catalogue entry for `code`; a code the catalogue does not know still gets a usable
 * entry (not retryable, HTTP 502, a hint to report it).
 */
export function describeCode(code) {
    if (isPlatformCode(code))
        return { code, known: true, ...ERROR_CODES[code] };
    return {
        code,
        known: false,
        message: `未知错误（${code}）`,
        messageEn: `Unknown platform code ${code}.`,
        retryable: false,
        httpStatus: 502,
        hint: 'The platform answered a code smskit does not know: keep the requestId and ask the platform support; upgrade smskit if a newer version knows it.',
    };
}
/**
 * The platform code for a client error (4xx) that a web framework or body parser raised
 * itself, so every adapter answers them alike: 401 and 403 are authorization (2001), 429 is
 * rate limiting (6000), any other 4xx a malformed request (40004).
 */
export function platformCodeForHttpStatus(status) {
    if (status === 401 || status === 403)
        return 2001;
    if (status === 429)
        return 6000;
    return 40004;
}
//# sourceMappingURL=error-codes.js.map