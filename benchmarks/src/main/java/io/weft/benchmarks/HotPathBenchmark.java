package io.weft.benchmarks;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongUpDownCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.Aggregation;
import io.opentelemetry.sdk.metrics.InstrumentSelector;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.View;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.weft.bootstrap.metrics.Buckets;
import io.weft.bootstrap.metrics.Counter;
import io.weft.bootstrap.metrics.Histogram;
import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.bootstrap.metrics.UpDownCounter;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-event operations an instrumented application pays for: counter add, up-down counter add,
 * histogram record, timer (two {@code System.nanoTime()} reads and a record) and bind with a cache
 * hit, for Weft and its peers. Every series is pre-bound with two attributes, as instrumentation
 * does it. Histograms use the 14 HTTP semantic-convention buckets everywhere.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class HotPathBenchmark {

  private static final double LATENCY = 0.042;

  private Counter weftCounter;
  private Histogram weftServerDuration;
  private Counter.Handle weftCounterHandle;
  private UpDownCounter.Handle weftUpDown;
  private Histogram.Handle weftHistogram;
  private Histogram.Handle weftExponentialHistogram;

  private CounterDataPoint promCounter;
  private GaugeDataPoint promGauge;
  private DistributionDataPoint promHistogram;

  private SdkMeterProvider otelProvider;
  private LongCounter otelCounter;
  private LongUpDownCounter otelUpDown;
  private DoubleHistogram otelHistogram;
  private DoubleHistogram otelExponentialHistogram;
  private Attributes otelAttributes;

  private io.micrometer.core.instrument.Counter micrometerCounter;
  private io.micrometer.core.instrument.Timer micrometerTimer;

  @Setup
  public void setUp() {
    MetricRegistry weft = new MetricRegistry();
    weftCounter = weft.counter("bench.counter").attributeKeys("method", "route").register();
    weftCounterHandle = weftCounter.bind("GET", "/users/{id}");
    weftServerDuration = weft.histogram("bench.server.duration").unit("s").buckets(Buckets.HTTP_SECONDS)
        .attributes(io.weft.bootstrap.metrics.AttributeKey.string("http.request.method"), io.weft.bootstrap.metrics.AttributeKey.longKey("http.response.status_code"),
            io.weft.bootstrap.metrics.AttributeKey.string("http.route"), io.weft.bootstrap.metrics.AttributeKey.string("url.scheme"),
            io.weft.bootstrap.metrics.AttributeKey.string("network.protocol.version"), io.weft.bootstrap.metrics.AttributeKey.string("error.type"))
        .register();
    weftServerDuration.bind("GET", 200, "/users/{id}", "http", "1.1", null);
    weftUpDown = weft.upDownCounter("bench.updown").attributeKeys("method", "route").register()
        .bind("GET", "/users/{id}");
    weftHistogram = weft.histogram("bench.duration").unit("s").buckets(Buckets.HTTP_SECONDS)
        .attributeKeys("method", "route").register().bind("GET", "/users/{id}");
    // As the agent builds it for OTEL_EXPORTER_OTLP_METRICS_DEFAULT_HISTOGRAM_AGGREGATION=base2_exponential_bucket_histogram.
    weftExponentialHistogram = new MetricRegistry(false, MetricRegistry.DEFAULT_SERIES_LIMIT, true)
        .histogram("bench.duration").unit("s").buckets(Buckets.HTTP_SECONDS).attributeKeys("method", "route")
        .register().bind("GET", "/users/{id}");

    PrometheusRegistry prom = new PrometheusRegistry();
    promCounter = io.prometheus.metrics.core.metrics.Counter.builder().name("bench_counter")
        .labelNames("method", "route").register(prom).labelValues("GET", "/users/{id}");
    promGauge = io.prometheus.metrics.core.metrics.Gauge.builder().name("bench_updown")
        .labelNames("method", "route").register(prom).labelValues("GET", "/users/{id}");
    promHistogram = io.prometheus.metrics.core.metrics.Histogram.builder().name("bench_duration_seconds")
        .classicOnly().classicUpperBounds(Buckets.HTTP_SECONDS).labelNames("method", "route")
        .register(prom).labelValues("GET", "/users/{id}");

    otelProvider = SdkMeterProvider.builder()
        .registerMetricReader(PeriodicMetricReader.builder(new DiscardingExporter())
            .setInterval(Duration.ofDays(1)).build())
        .registerView(InstrumentSelector.builder().setName("bench.duration.exponential").build(),
            View.builder().setAggregation(Aggregation.base2ExponentialBucketHistogram()).build())
        .build();
    Meter meter = otelProvider.get("bench");
    otelAttributes = Attributes.of(AttributeKey.stringKey("method"), "GET",
        AttributeKey.stringKey("route"), "/users/{id}");
    otelCounter = meter.counterBuilder("bench.counter").build();
    otelUpDown = meter.upDownCounterBuilder("bench.updown").build();
    otelHistogram = meter.histogramBuilder("bench.duration").setUnit("s")
        .setExplicitBucketBoundariesAdvice(Arrays.stream(Buckets.HTTP_SECONDS).boxed().toList()).build();
    otelExponentialHistogram = meter.histogramBuilder("bench.duration.exponential").setUnit("s").build();

    SimpleMeterRegistry micrometer = new SimpleMeterRegistry();
    micrometerCounter = io.micrometer.core.instrument.Counter.builder("bench.counter")
        .tags("method", "GET", "route", "/users/{id}").register(micrometer);
    micrometerTimer = io.micrometer.core.instrument.Timer.builder("bench.duration")
        .tags("method", "GET", "route", "/users/{id}")
        .serviceLevelObjectives(Arrays.stream(Buckets.HTTP_SECONDS)
            .mapToObj(s -> Duration.ofNanos((long) (s * 1e9))).toArray(Duration[]::new))
        .register(micrometer);
  }

  @TearDown
  public void tearDown() {
    otelProvider.close();
  }

  // --- counter add ---

  @Benchmark
  public void counterAdd_weft() {
    weftCounterHandle.inc();
  }

  @Benchmark
  public void counterAdd_prometheus() {
    promCounter.inc();
  }

  @Benchmark
  public void counterAdd_otel() {
    otelCounter.add(1, otelAttributes);
  }

  @Benchmark
  public void counterAdd_micrometer() {
    micrometerCounter.increment();
  }

  // --- up-down counter add ---

  @Benchmark
  public void upDownCounterAdd_weft() {
    weftUpDown.add(1);
  }

  @Benchmark
  public void upDownCounterAdd_prometheus() {
    promGauge.inc();
  }

  @Benchmark
  public void upDownCounterAdd_otel() {
    otelUpDown.add(1, otelAttributes);
  }

  // --- histogram record ---

  @Benchmark
  public void histogramRecord_weft() {
    weftHistogram.record(LATENCY);
  }

  @Benchmark
  public void histogramRecord_prometheus() {
    promHistogram.observe(LATENCY);
  }

  @Benchmark
  public void histogramRecord_otel() {
    otelHistogram.record(LATENCY, otelAttributes);
  }

  /** With exponential buckets recorded too (the agent's base2 OTLP setting): explicit and exponential under a lock. */
  @Benchmark
  public void histogramRecord_weftExponential() {
    weftExponentialHistogram.record(LATENCY);
  }

  @Benchmark
  public void histogramRecord_otelExponential() {
    otelExponentialHistogram.record(LATENCY, otelAttributes);
  }

  @Benchmark
  public void histogramRecord_micrometer() {
    micrometerTimer.record(42_000_000L, TimeUnit.NANOSECONDS);
  }

  // --- timer: two clock reads and a record ---

  @Benchmark
  public void timer_weft() {
    long start = System.nanoTime();
    weftHistogram.recordSince(start);
  }

  @Benchmark
  public void timer_prometheus() {
    long start = System.nanoTime();
    promHistogram.observe((System.nanoTime() - start) * 1e-9);
  }

  @Benchmark
  public void timer_otel() {
    long start = System.nanoTime();
    otelHistogram.record((System.nanoTime() - start) * 1e-9, otelAttributes);
  }

  @Benchmark
  public void timer_micrometer() {
    long start = System.nanoTime();
    micrometerTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
  }

  /** The clock alone, for scale: a timer cannot cost less than two of these. */
  @Benchmark
  public long clock_nanoTime() {
    return System.nanoTime();
  }

  // --- bind with a cache hit (attribute values known, series exists) ---

  @Benchmark
  public Counter.Handle bindCacheHit_weft() {
    return weftCounter.bind(weftCounter.values().set(0, "GET").set(1, "/users/{id}"));
  }

  /**
   * The HTTP server family's bind: six attributes, the status code an unboxed integer, error.type
   * absent, as a successful request binds them.
   */
  @Benchmark
  public Histogram.Handle bindHttpServerSeries_weft() {
    return weftServerDuration.bind(weftServerDuration.values().set(0, "GET").set(1, 200).set(2, "/users/{id}")
        .set(3, "http").set(4, "1.1"));
  }

  /** Keeps the OpenTelemetry SDK's reader alive without exporting anything. */
  private static final class DiscardingExporter implements MetricExporter {
    @Override
    public CompletableResultCode export(Collection<MetricData> metrics) {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public AggregationTemporality getAggregationTemporality(InstrumentType type) {
      return AggregationTemporality.CUMULATIVE;
    }
  }
}
