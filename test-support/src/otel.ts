// An OpenTelemetry SDK (2.x, the Node 20 line) with in-memory exporters, registered globally
// for one test: what a user's SDK set-up does, so the tests see what an operator would.
import { metrics, trace, type Attributes } from '@opentelemetry/api';

export { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { AggregationTemporality, InMemoryMetricExporter, MeterProvider, PeriodicExportingMetricReader, type DataPoint, type Histogram } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';

/** One data point as a test compares it: a counter's sum, or a histogram's count and sum. */
export interface Point {
  attributes: Attributes;
  value: number;
  count?: number;
}

/** The registered SDK: finished spans, collected metrics, and `close` to unregister it. */
export interface OtelHarness {
  spans(): ReadableSpan[];
  /** Collects now; the data points of every metric by name. */
  metrics(): Promise<Map<string, Point[]>>;
  /** Every attribute value, status and event text recorded so far, as one string (to search for leaks). */
  everything(): Promise<string>;
  close(): Promise<void>;
}

export function registerOtel(): OtelHarness {
  const spanExporter = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spanExporter)] });
  const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  // An interval longer than any test: metrics are exported only by forceFlush.
  const reader = new PeriodicExportingMetricReader({ exporter: metricExporter, exportIntervalMillis: 3_600_000 });
  const meterProvider = new MeterProvider({ readers: [reader] });
  trace.setGlobalTracerProvider(tracerProvider);
  metrics.setGlobalMeterProvider(meterProvider);

  const collect = async (): Promise<Map<string, Point[]>> => {
    await reader.forceFlush();
    const byName = new Map<string, Point[]>();
    const last = metricExporter.getMetrics().at(-1);
    for (const scope of last?.scopeMetrics ?? []) {
      for (const metric of scope.metrics) {
        const points = (metric.dataPoints as DataPoint<number | Histogram>[]).map((point): Point => {
          const value = point.value;
          return typeof value === 'number' ? { attributes: point.attributes, value } : { attributes: point.attributes, value: value.sum ?? 0, count: value.count };
        });
        byName.set(metric.descriptor.name, [...(byName.get(metric.descriptor.name) ?? []), ...points]);
      }
    }
    return byName;
  };

  return {
    spans: () => spanExporter.getFinishedSpans(),
    metrics: collect,
    async everything() {
      const spans = spanExporter.getFinishedSpans().map((span) => ({ name: span.name, attributes: span.attributes, status: span.status, events: span.events }));
      const points = [...(await collect()).values()].flat().map((point) => point.attributes);
      return JSON.stringify({ spans, points });
    },
    async close() {
      trace.disable();
      metrics.disable();
      await Promise.all([tracerProvider.shutdown(), meterProvider.shutdown()]);
    },
  };
}
