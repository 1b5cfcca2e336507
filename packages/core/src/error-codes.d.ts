/**
 * Every return code of the platform (SPEC §5), as data. Each entry gives the platform's own
 * wording, an English message, whether a retry can help, the HTTP status smskit answers with
 * when it plays the server itself, and a hint on how to fix it, drawn from the vendor's FAQs.
 */
export declare const ERROR_CODES: {
    /** Busy, or another transient cause: retry later with backoff. */
    readonly [-1]: {
        readonly message: "系统繁忙，请稍后再试或者其他原因";
        readonly messageEn: "The platform is busy or failed for another reason; try again later.";
        readonly retryable: true;
        readonly httpStatus: 503;
        readonly hint: "Transient: retry with exponential backoff. If it persists, give the requestId to the platform support.";
    };
    /** Success. */
    readonly 200: {
        readonly message: "请求成功";
        readonly messageEn: "OK.";
        readonly retryable: false;
        readonly httpStatus: 200;
        readonly hint: "No action needed.";
    };
    /** The caller's IP is not on the apiKey's whitelist. */
    readonly 2000: {
        readonly message: "IP白名单限制";
        readonly messageEn: "The caller's IP address is not on this apiKey's whitelist.";
        readonly retryable: false;
        readonly httpStatus: 403;
        readonly hint: "Add the server's public egress IP (not its private address; behind NAT or a proxy, the address the platform sees) to the whitelist in the console under 接口配置 → 接口信息.";
    };
    /** Signature, apiKey or timestamp rejected. */
    readonly 2001: {
        readonly message: "API授权错误";
        readonly messageEn: "Authorization failed: the apiKey, the signature or the timestamp was rejected.";
        readonly retryable: false;
        readonly httpStatus: 401;
        readonly hint: "Check, in order: the apiKey and accessKey match the console (no stray spaces); x-sign-method names the same HMAC the signature was computed with; the canonical string sorts body parameters and the four x- headers by key; key and string are UTF-8 (try an all-ASCII templateParam — if that works, fix the charset of the HTTP client or container); the server clock is within 60 s (sync with NTP); the nonce is fresh. `smskit verify` shows the canonical strings to compare with.";
    };
    /** Rate limited. */
    readonly 6000: {
        readonly message: "访问频繁,请稍后再试";
        readonly messageEn: "Too many requests; slow down and try again later.";
        readonly retryable: true;
        readonly httpStatus: 429;
        readonly hint: "Stay under about 300 requests/s for sends; receipt queries 3/min, statistics 4/min, balance once per 15 s. smskit’s client paces for you unless pacing is disabled.";
    };
    /** Balance exhausted. */
    readonly 40002: {
        readonly message: "余额不足";
        readonly messageEn: "Insufficient balance.";
        readonly retryable: false;
        readonly httpStatus: 402;
        readonly hint: "Top up the account, or check which balance (行业短信 / 会员短信 / 推广短信) the template draws from with a balance query.";
    };
    /** A parameter is missing or malformed. */
    readonly 40004: {
        readonly message: "参数错误,详情见提示";
        readonly messageEn: "A parameter is missing or malformed; see the details.";
        readonly retryable: false;
        readonly httpStatus: 400;
        readonly hint: "Read the message for the parameter at fault. Every call is a POST with a JSON body and Content-Type: application/json; the five x- headers must all be present, x-timestamp 13 digits and x-nonce digits only.";
    };
    /** Template parameters exceed the template's settings. */
    readonly 40005: {
        readonly message: "超出模板参数设置限制";
        readonly messageEn: "The request exceeds the limits set on the template (recipients per send, sends per number per day, sends per day).";
        readonly retryable: false;
        readonly httpStatus: 400;
        readonly hint: "Check the limits set on the template in the console, or spread the send over more time.";
    };
    /** Extension code mismatch. */
    readonly 40006: {
        readonly message: "扩展号不匹配或者被企业其他账号占用";
        readonly messageEn: "The upExtendCode does not match, or another account of the company uses it.";
        readonly retryable: false;
        readonly httpStatus: 400;
        readonly hint: "Use an upExtendCode between 1 and 99 assigned to this account, or leave it out.";
    };
    /** Unknown template. */
    readonly 60001: {
        readonly message: "模板不存在";
        readonly messageEn: "The template does not exist.";
        readonly retryable: false;
        readonly httpStatus: 404;
        readonly hint: "Use the template number (模板编号) shown in the console after the template was approved; a template pending review or rejected does not exist for sending.";
    };
    /** sendBatch: numbers and parameter lists differ in count. */
    readonly 60002: {
        readonly message: "批量发送下电话数量和参数数量不一样";
        readonly messageEn: "sendBatch: the number of phones differs from the number of parameter lists.";
        readonly retryable: false;
        readonly httpStatus: 400;
        readonly hint: "phonesJson and templateParamJson must have the same length, in the same order; for a template without variables send [\"\", \"\", …] with one entry per number.";
    };
    /** Variable count differs from the template's. */
    readonly 60003: {
        readonly message: "短信变量个数和模板变量个数不一样";
        readonly messageEn: "The number of values differs from the template's number of variables.";
        readonly retryable: false;
        readonly httpStatus: 400;
        readonly hint: "Count the {name,maxLen} variables in the template text (a dynamic signature is a variable too) and send exactly one value per variable, in order; leave templateParam out for a template without variables.";
    };
    /** A value is longer than its variable allows. */
    readonly 60004: {
        readonly message: "变量值超过模板设置的变量值最大长度";
        readonly messageEn: "A value is longer than its variable's maximum length.";
        readonly retryable: false;
        readonly httpStatus: 400;
        readonly hint: "Each value must fit the maxLen written in its {name,maxLen} variable; shorten the value or raise the limit in a new template.";
    };
    /** Nothing to send. */
    readonly 60005: {
        readonly message: "没有可以发送的内容";
        readonly messageEn: "There is nothing to send.";
        readonly retryable: false;
        readonly httpStatus: 400;
        readonly hint: "Every number was rejected or the rendered message is empty; check failPhones and the template values.";
    };
    /** Parameters are not a JSON array of strings. */
    readonly 60006: {
        readonly message: "模板参数变量格式错误";
        readonly messageEn: "The template parameters are malformed.";
        readonly retryable: false;
        readonly httpStatus: 400;
        readonly hint: "templateParam is a JSON array of strings as a string, e.g. \"[\\\"张三\\\",\\\"02\\\"]\"; templateParamJson an array of such arrays. A backslash inside a value is written \\\\ in JSON.";
    };
    /** A phone number is malformed. */
    readonly 60007: {
        readonly message: "手机号参数格式错误";
        readonly messageEn: "A phone number is malformed.";
        readonly retryable: false;
        readonly httpStatus: 400;
        readonly hint: "Mainland mobile numbers: 11 digits starting 13–19, comma-separated for send, a JSON array for sendBatch; strip +86, spaces and dashes.";
    };
    /** Over 1000 numbers in one request. */
    readonly 60008: {
        readonly message: "手机号数量大于1000";
        readonly messageEn: "More than 1000 phone numbers in one request.";
        readonly retryable: false;
        readonly httpStatus: 400;
        readonly hint: "Split the numbers into requests of at most 1000 (smskit’s client does this for you).";
    };
    /** SMS resource locked: transient. */
    readonly 60009: {
        readonly message: "短信资源被锁定";
        readonly messageEn: "The SMS resource is locked; try again later.";
        readonly retryable: true;
        readonly httpStatus: 423;
        readonly hint: "Transient: retry after a short backoff.";
    };
};
/** One entry of the catalogue. */
export interface ErrorCodeEntry {
    /** The message as the platform words it (Chinese). */
    readonly message: string;
    /** The message in English. */
    readonly messageEn: string;
    /** Whether retrying the same call can succeed. */
    readonly retryable: boolean;
    /** The HTTP status smskit answers with when it plays the platform. */
    readonly httpStatus: number;
    /** How a developer fixes it. */
    readonly hint: string;
}
/** A return code the catalogue knows. */
export type PlatformCode = keyof typeof ERROR_CODES;
/** Every known code, in numeric order. */
export declare const PLATFORM_CODES: readonly PlatformCode[];
/** True when the catalogue knows `code`. */
export declare function isPlatformCode(code: unknown): code is PlatformCode;
/**
 * The catalogue entry for `code`; a code the catalogue does not know still gets a usable
 * entry (not retryable, HTTP 502, a hint to report it).
 */
export declare function describeCode(code: number): ErrorCodeEntry & {
    readonly code: number;
    readonly known: boolean;
};
/**
 * The platform code for a client error (4xx) that a web framework or body parser raised
 * itself, so every adapter answers them alike: 401 and 403 are authorization (2001), 429 is
 * rate limiting (6000), any other 4xx a malformed request (40004).
 */
export declare function platformCodeForHttpStatus(status: number): 2001 | 6000 | 40004;
