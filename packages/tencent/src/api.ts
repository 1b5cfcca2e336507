/*
 * The wire shapes of sms 2021-01-11 that smskit uses, named as Tencent names them, so a reader
 * of the API reference finds every field here.
 */

/** SendSms's parameters. */
export interface SendSmsRequest {
  /** E.164 numbers (`+8613800138000`), at most 200, all mainland or all international. */
  PhoneNumberSet: string[];
  /** The application id (starts `1400`). */
  SmsSdkAppId: string;
  /** The approved template's id, a string. */
  TemplateId: string;
  /** The approved signature text; required for mainland numbers. */
  SignName?: string;
  /** The template's `{1}`, `{2}`, … values, in order, as strings. */
  TemplateParamSet?: string[];
  /** The extension code (when enabled for the account). */
  ExtendCode?: string;
  /** Echoed back in receipts: smskit puts the idempotency key here. */
  SessionContext?: string;
  /** The sender id for international SMS (when enabled). */
  SenderId?: string;
}

/** One number's answer to SendSms. */
export interface SendStatus {
  /** The message's serial number (the id receipts carry). */
  SerialNo: string;
  /** The number as Tencent normalised it (E.164). */
  PhoneNumber: string;
  /** Billed parts. */
  Fee: number;
  /** The caller's SessionContext. */
  SessionContext: string;
  /** `Ok` on success (mixed case), else an error code. */
  Code: string;
  /** The answer in words. */
  Message: string;
  /** The country code (`86`). */
  IsoCode: string;
}

/** SendSms's answer. */
export interface SendSmsResponse {
  /** One entry per number. */
  SendStatusSet: SendStatus[];
  /** The request's id. */
  RequestId: string;
}

/** A pulled delivery receipt (PullSmsSendStatus). */
export interface PullSmsSendStatus {
  /** When the handset received it, Unix seconds. */
  UserReceiveTime: number;
  /** The country code without `+`. */
  CountryCode: string;
  /** The number without the country code. */
  SubscriberNumber: string;
  /** E.164. */
  PhoneNumber: string;
  /** The message's serial number. */
  SerialNo: string;
  /** `SUCCESS` or `FAIL`. */
  ReportStatus: string;
  /** The carrier's code (`DELIVRD` on success). */
  Description: string;
  /** The SessionContext sent with the message. */
  SessionContext: string;
}

/** A pulled reply (PullSmsReplyStatus). */
export interface PullSmsReplyStatus {
  /** The extension code. */
  ExtendCode: string;
  /** The country code without `+`. */
  CountryCode: string;
  /** The number without the country code. */
  SubscriberNumber: string;
  /** E.164. */
  PhoneNumber: string;
  /** The signature the reply answers. */
  SignName: string;
  /** What the user wrote. */
  ReplyContent: string;
  /** When, Unix seconds. */
  ReplyTime: number;
}

/** A request-level error. */
export interface TencentErrorBody {
  /** The error code. */
  Code: string;
  /** The error message. */
  Message: string;
}
