/**
 * Metrics of the demo, off by default: `OTEL_METRICS=console` prints smskit's metrics every
 * 10 s; `OTEL_METRICS=prometheus` serves them on http://127.0.0.1:9464/metrics (the port from
 * `OTEL_PROMETHEUS_PORT`). smskit records through @opentelemetry/api; this registers the SDK.
 */
import { metrics } from '@opentelemetry/api';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { ConsoleMetricExporter, MeterProvider, PeriodicExportingMetricReader, type MetricReader } from '@opentelemetry/sdk-metrics';

/** Registers a meter provider as `OTEL_METRICS` asks; returns what to print and a function that flushes and stops it, or nothing when off. */
export function startDemoMetrics(env: NodeJS.ProcessEnv = process.env): { describe: string; stop: () => Promise<void> } | undefined {
  const mode = env.OTEL_METRICS?.trim().toLowerCase();
  if (mode === undefined || mode === '' || mode === 'off') return undefined;
  let reader: MetricReader;
  let describe: string;
  if (mode === 'console') {
    reader = new PeriodicExportingMetricReader({ exporter: new ConsoleMetricExporter(), exportIntervalMillis: 10_000 });
    describe = 'metrics  printed here every 10 s (OTEL_METRICS=console)';
  } else if (mode === 'prometheus') {
    const port = Number(env.OTEL_PROMETHEUS_PORT ?? 9464);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`OTEL_PROMETHEUS_PORT must be a port number, not "${env.OTEL_PROMETHEUS_PORT}"`);
    // Loopback only, like the app: the metrics are for this machine's Prometheus.
    reader = new PrometheusExporter({ host: '127.0.0.1', port });
    describe = `metrics  http://127.0.0.1:${port}/metrics (OTEL_METRICS=prometheus)`;
  } else {
    throw new Error(`OTEL_METRICS must be console, prometheus or off, not "${env.OTEL_METRICS}"`);
  }
  const provider = new MeterProvider({ readers: [reader] });
  metrics.setGlobalMeterProvider(provider);
  return { describe, stop: () => provider.shutdown() };
}
