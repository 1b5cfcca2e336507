import { SmsError } from '@smskit/core';
import { z } from 'zod';

/**
 * Checks the top-level field types of a request body and answers 40004 naming the first field
 * at fault; what the values mean is left to core's rules, which have their own codes.
 */
export function fieldsOf<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  // zod 4 leaves `input` out of its issues unless asked: without it every wrongly typed field
  // would read as missing ("fail is required." for "fail": "many").
  const parsed = schema.safeParse(body, { reportInput: true });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') || 'body';
  const message = issue?.code === 'invalid_type' && issue.input === undefined ? `${field} is required.` : `${field}: ${issue?.message ?? 'invalid'}.`;
  throw new SmsError({ code: 40004, message });
}

const optional = z.unknown().optional();

/** `/message/send`. */
export const SEND_FIELDS = z.object({
  phones: z.string(),
  templateCode: z.string().min(1),
  templateParam: optional,
  upExtendCode: optional,
  bid: optional,
});

/** `/message/sendBatch`. */
export const SEND_BATCH_FIELDS = z.object({
  phonesJson: z.string(),
  templateCode: z.string().min(1),
  templateParamJson: optional,
  upExtendCode: optional,
  bid: optional,
});

/** `/sms/arriveRes/qry`. */
export const RECEIPT_QUERY_FIELDS = z.object({
  msgId: z.string().nullish(),
  bid: z.string().nullish(),
});

function realDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be yyyy-MM-dd').refine(realDate, 'is not a real date');
const whole = (min: number, max: number, fallback: number) =>
  z
    .union([z.number(), z.string().regex(/^\d{1,9}$/, 'must be a whole number')])
    .optional()
    .transform((value) => (value === undefined ? fallback : Number(value)))
    .pipe(z.number().int().min(min).max(max));

/** `/sms/send/statistics`. */
export const STATISTICS_FIELDS = z.object({
  startDate: date,
  endDate: date,
  page: whole(1, 1_000_000, 1),
  pageSize: whole(1, 50, 10),
});
