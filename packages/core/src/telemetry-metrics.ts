/** One metric smskit records: its instrument, unit (UCUM, as OpenTelemetry's conventions ask) and attributes. */
export interface SmsMetricDefinition {
  /** Counters only grow; histograms record a distribution (durations). */
  readonly instrument: 'counter' | 'histogram';
  /** The UCUM unit: `s` for durations, `{thing}` annotations for counts. */
  readonly unit: string;
  /** What it counts. */
  readonly description: string;
  /** The attribute keys it carries. */
  readonly attributes: readonly string[];
  /** The package that records it (the instrumentation scope). */
  readonly scope: string;
  /** Bucket boundaries advised to the SDK, for histograms of seconds. */
  readonly buckets?: readonly number[];
}

// The HTTP conventions' advice for durations in seconds (http.client.request.duration).
const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10] as const;
const CALL = ['smskit.endpoint', 'smskit.outcome', 'smskit.code', 'error.type'] as const;

/**
 * Every metric smskit records, in one table (names follow OpenTelemetry's naming guidance:
 * dotted namespaces, singular units, no `_total`; a Prometheus exporter adds its own suffixes).
 * `smskit.outcome` is `ok`, `failed` (the platform surely did not take it) or `unknown` (it
 * may have); `smskit.code` is the platform code (200 for success, -1 when none came);
 * `error.type` is set on failures only: the code, or the transport failure when no answer came.
 */
export const SMS_METRICS = {
  'smskit.client.sends': {
    instrument: 'counter',
    unit: '{request}',
    description: 'Send requests (send, sendBatch) once every retry is over, by outcome and platform code.',
    attributes: CALL,
    scope: '@smskit/core',
  },
  'smskit.client.numbers': {
    instrument: 'counter',
    unit: '{number}',
    description: 'Phone numbers in send requests once every retry is over, by outcome and platform code.',
    attributes: CALL,
    scope: '@smskit/core',
  },
  'smskit.client.retries': {
    instrument: 'counter',
    unit: '{retry}',
    description: 'Attempts the client repeated, by endpoint and the failure that caused the retry.',
    attributes: ['smskit.endpoint', 'error.type'],
    scope: '@smskit/core',
  },
  'smskit.client.attempt.duration': {
    instrument: 'histogram',
    unit: 's',
    description: 'Time of one attempt, from the request leaving to the full answer (or its failure).',
    attributes: CALL,
    scope: '@smskit/core',
    buckets: SECONDS,
  },
  'smskit.verify.requests': {
    instrument: 'counter',
    unit: '{request}',
    description: 'Signed requests verified, by result: smskit.verify.check names the check that failed.',
    attributes: ['smskit.outcome', 'smskit.code', 'smskit.verify.check'],
    scope: '@smskit/core',
  },
  'smskit.push.requests': {
    instrument: 'counter',
    unit: '{request}',
    description: 'Pushes (receipts, replies) received, by kind and the code answered.',
    attributes: ['smskit.push.kind', 'smskit.code'],
    scope: '@smskit/core',
  },
  'smskit.push.ack.duration': {
    instrument: 'histogram',
    unit: 's',
    description: 'Time from a push arriving to its answer being ready (the platform waits at most 1 s).',
    attributes: ['smskit.push.kind', 'smskit.code'],
    scope: '@smskit/core',
    buckets: SECONDS,
  },
  'smskit.otp.requests': {
    instrument: 'counter',
    unit: '{request}',
    description: 'Code requests, by result (sent, invalid, denied, human-check, limit, send-failed, unavailable).',
    attributes: ['smskit.otp.result'],
    scope: '@smskit/otp',
  },
  'smskit.otp.refusals': {
    instrument: 'counter',
    unit: '{refusal}',
    description: 'Limits that refused a code request, one per refusing limit.',
    attributes: ['smskit.otp.limit'],
    scope: '@smskit/otp',
  },
  'smskit.otp.verifications': {
    instrument: 'counter',
    unit: '{request}',
    description: 'Codes checked, by result (verified, mismatch, burnt, expired, missing, invalid, unavailable).',
    attributes: ['smskit.otp.result'],
    scope: '@smskit/otp',
  },
  'smskit.router.numbers': {
    instrument: 'counter',
    unit: '{number}',
    description: "Numbers a router's channel turn settled or passed on, by channel and status.",
    attributes: ['smskit.channel', 'smskit.route.status'],
    scope: '@smskit/core',
  },
} as const satisfies Record<string, SmsMetricDefinition>;

/** The name of one of {@link SMS_METRICS}. */
export type SmsMetricName = keyof typeof SMS_METRICS;
