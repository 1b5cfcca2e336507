// OpenTelemetry through its API only, an optional peer dependency: without it, or without an
// SDK registered, every call below is a no-op. The API is required on first use, not imported,
// so that importing @smskit/core to sign or verify loads nothing more.
import type * as OtelApi from '@opentelemetry/api';
import { moduleRequire } from './node-builtin.js';
import { SMS_METRICS, type SmsMetricDefinition, type SmsMetricName } from './telemetry-metrics.js';

export { SMS_METRICS, type SmsMetricDefinition, type SmsMetricName } from './telemetry-metrics.js';

/**
 * Attribute values as smskit records them. `undefined` entries are left out. Never a phone
 * number, a code or a secret: counts, codes, names of endpoints, checks and limits only.
 */
export type TelemetryAttributes = Readonly<Record<string, string | number | boolean | undefined>>;

/** The span kinds smskit uses (OpenTelemetry's `SpanKind`). */
export type TelemetrySpanKind = 'internal' | 'client' | 'server';

/** What {@link startTelemetrySpan} starts. */
export interface TelemetrySpanOptions {
  /** The span name: low cardinality (no ids, no numbers). */
  name: string;
  /** @defaultValue `'internal'` */
  kind?: TelemetrySpanKind;
  /** Attributes known at the start. */
  attributes?: TelemetryAttributes;
  /** A span this one belongs to (a call's attempts belong to the call). @defaultValue the active span */
  parent?: TelemetrySpan;
  /** The instrumentation scope: the package that records. @defaultValue `'@smskit/core'` */
  scope?: string;
}

/** A started span, or a stand-in that does nothing when no OpenTelemetry SDK records. */
export interface TelemetrySpan {
  /** Whether anything records this span: attributes that cost work to build may be skipped when not. */
  readonly recording: boolean;
  /** Adds attributes (`undefined` values are left out). */
  setAttributes(attributes: TelemetryAttributes): void;
  /**
   * Marks the span failed: sets `error.type` (a low-cardinality class such as a platform code
   * or a transport failure) and the ERROR status, whose description is that class too — never
   * an error message, which may quote a phone number.
   */
  fail(errorType: string): void;
  /** Ends the span. */
  end(): void;
}

/** The options of {@link recordTelemetry}. */
export interface TelemetryMeasurement {
  /** One of the catalogue's metrics ({@link SMS_METRICS}). */
  metric: SmsMetricName;
  /** The amount (a count for counters, seconds for durations). @defaultValue 1 */
  value?: number;
  /** Its attributes (`undefined` values are left out). */
  attributes?: TelemetryAttributes;
}

type Api = typeof OtelApi;
type Instrument = OtelApi.Counter | OtelApi.Histogram;

const DEFAULT_SCOPE = '@smskit/core';
const NOT_RECORDING: TelemetrySpan = Object.freeze({ recording: false, setAttributes() {}, fail() {}, end() {} });

/** How the API is found; a seam so that a test can stand for "not installed". */
export type TelemetryApiLoader = () => unknown;

const requireApi: TelemetryApiLoader = () => moduleRequire()('@opentelemetry/api');

/**
 * The telemetry of one loader: the API is looked up once, on first use; instruments are made
 * again whenever a different meter provider is registered, so one registered after the first
 * use (or a test's fresh one) is not missed.
 */
export class Telemetry {
  private api: Api | null | undefined;
  private provider: OtelApi.MeterProvider | undefined;
  private instruments = new Map<SmsMetricName, Instrument>();
  private tracerProvider: OtelApi.TracerProvider | undefined;
  private tracers = new Map<string, OtelApi.Tracer>();

  constructor(private readonly load: TelemetryApiLoader = requireApi) {}

  /** Whether the OpenTelemetry API could be loaded. */
  get available(): boolean {
    return this.otel() !== null;
  }

  /** Starts a span; a no-op stand-in when the API is absent or nothing records. */
  startSpan(options: TelemetrySpanOptions): TelemetrySpan {
    const api = this.otel();
    if (api === null) return NOT_RECORDING;
    try {
      const tracer = this.tracer(api, options.scope ?? DEFAULT_SCOPE);
      const parent = options.parent instanceof RecordingSpan ? api.trace.setSpan(api.context.active(), options.parent.span) : api.context.active();
      const span = tracer.startSpan(options.name, { kind: spanKind(api, options.kind), ...(options.attributes ? { attributes: defined(options.attributes) } : {}) }, parent);
      return span.isRecording() ? new RecordingSpan(api, span) : NOT_RECORDING;
    } catch {
      return NOT_RECORDING;
    }
  }

  /** Adds to a counter or records into a histogram of the catalogue; never throws. */
  record(measurement: TelemetryMeasurement): void {
    const api = this.otel();
    if (api === null) return;
    try {
      const instrument = this.instrument(api, measurement.metric);
      const value = measurement.value ?? 1;
      const attributes = measurement.attributes ? defined(measurement.attributes) : undefined;
      if ('add' in instrument) instrument.add(value, attributes);
      else instrument.record(value, attributes);
    } catch {
      // Telemetry must never break a send.
    }
  }

  private otel(): Api | null {
    if (this.api === undefined) {
      try {
        const loaded = this.load() as Partial<Api> | undefined;
        this.api = loaded?.trace && loaded.metrics && loaded.context ? (loaded as Api) : null;
      } catch {
        this.api = null;
      }
    }
    return this.api;
  }

  private tracer(api: Api, scope: string): OtelApi.Tracer {
    const provider = api.trace.getTracerProvider();
    if (provider !== this.tracerProvider) {
      this.tracerProvider = provider;
      this.tracers = new Map();
    }
    let tracer = this.tracers.get(scope);
    if (tracer === undefined) this.tracers.set(scope, (tracer = provider.getTracer(scope)));
    return tracer;
  }

  private instrument(api: Api, name: SmsMetricName): Instrument {
    const provider = api.metrics.getMeterProvider();
    if (provider !== this.provider) {
      this.provider = provider;
      this.instruments = new Map();
    }
    let instrument = this.instruments.get(name);
    if (instrument === undefined) {
      const definition: SmsMetricDefinition = SMS_METRICS[name];
      const meter = provider.getMeter(definition.scope);
      const options = { description: definition.description, unit: definition.unit };
      instrument =
        definition.instrument === 'counter'
          ? meter.createCounter(name, options)
          : meter.createHistogram(name, { ...options, ...(definition.buckets ? { advice: { explicitBucketBoundaries: [...definition.buckets] } } : {}) });
      this.instruments.set(name, instrument);
    }
    return instrument;
  }
}

class RecordingSpan implements TelemetrySpan {
  readonly recording = true;
  constructor(
    private readonly api: Api,
    readonly span: OtelApi.Span,
  ) {}

  setAttributes(attributes: TelemetryAttributes): void {
    guard(() => this.span.setAttributes(defined(attributes)));
  }

  fail(errorType: string): void {
    guard(() => {
      this.span.setAttribute('error.type', errorType);
      this.span.setStatus({ code: this.api.SpanStatusCode.ERROR, message: errorType });
    });
  }

  end(): void {
    guard(() => this.span.end());
  }
}

function guard(work: () => void): void {
  try {
    work();
  } catch {
    // A faulty exporter or processor must not break the call being observed.
  }
}

function spanKind(api: Api, kind: TelemetrySpanKind | undefined): OtelApi.SpanKind {
  return kind === 'client' ? api.SpanKind.CLIENT : kind === 'server' ? api.SpanKind.SERVER : api.SpanKind.INTERNAL;
}

function defined(attributes: TelemetryAttributes): OtelApi.Attributes {
  const out: OtelApi.Attributes = {};
  for (const [key, value] of Object.entries(attributes)) if (value !== undefined) out[key] = value;
  return out;
}

/** The process-wide telemetry every smskit package records through. */
export const telemetry = new Telemetry();

/**
 * Starts a span through {@link telemetry}: what smskit's packages (and custom channels that
 * want to appear beside them) call. A no-op without `@opentelemetry/api` or an SDK.
 */
export function startTelemetrySpan(options: TelemetrySpanOptions): TelemetrySpan {
  return telemetry.startSpan(options);
}

/** Records a measurement of one of {@link SMS_METRICS} through {@link telemetry}. */
export function recordTelemetry(measurement: TelemetryMeasurement): void {
  telemetry.record(measurement);
}
