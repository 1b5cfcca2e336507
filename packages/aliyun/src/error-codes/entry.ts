import type { FailureClass } from '@smskit/core/provider';

/** One entry of the Aliyun catalogue. */
export interface AliyunCodeEntry {
  /** The platform's own wording (Chinese). */
  readonly message: string;
  /** The message in English. */
  readonly messageEn: string;
  /** How the router treats it (the channel seam's four classes). */
  readonly class: FailureClass;
  /**
   * The HTTP status Aliyun answers it with: 200 for business codes (`isv.*`, `isp.*`, read
   * from the body's `Code`), 4xx/5xx for the gateway's own codes.
   */
  readonly httpStatus: number;
  /** How a developer fixes it. */
  readonly hint: string;
}
