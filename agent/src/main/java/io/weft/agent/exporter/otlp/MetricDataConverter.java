package io.weft.agent.exporter.otlp;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.exporter.internal.otlp.metrics.MetricsRequestMarshaler;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.DoublePointData;
import io.opentelemetry.sdk.metrics.data.ExponentialHistogramBuckets;
import io.opentelemetry.sdk.metrics.data.ExponentialHistogramPointData;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableDoublePointData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableExponentialHistogramBuckets;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableExponentialHistogramData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableExponentialHistogramPointData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableGaugeData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableHistogramData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableHistogramPointData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableMetricData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableSumData;
import io.opentelemetry.sdk.resources.Resource;
import io.weft.bootstrap.metrics.MetricDescriptor;
import io.weft.bootstrap.metrics.MetricKind;
import io.weft.bootstrap.snapshot.Attributes;
import io.weft.bootstrap.snapshot.DataPoint;
import io.weft.bootstrap.snapshot.ExponentialHistogram;
import io.weft.bootstrap.snapshot.HistogramPoint;
import io.weft.bootstrap.snapshot.MetricSnapshot;
import io.weft.bootstrap.snapshot.NumberPoint;
import io.weft.bootstrap.snapshot.RegistrySnapshot;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns registry snapshots into the SDK's {@link MetricData}, one exporter's view.
 *
 * <pre>{@code
 * MetricDataConverter converter = new MetricDataConverter(resource, scope, jvmStartNanos, Temporality.DELTA);
 * MetricDataConverter.Batch batch = converter.convert(registry.collect());
 * ... export batch.metrics() ...
 * converter.commit(batch); // only once the receiver has it: the next deltas start from here
 * }</pre>
 *
 * <p>Kinds map one to one: counter -> monotonic sum, up-down counter -> non-monotonic sum (always
 * cumulative), gauge -> gauge, histogram -> explicit-bucket histogram with its boundaries, or
 * exponential histogram when the registry records exponential buckets
 * ({@code OTEL_EXPORTER_OTLP_METRICS_DEFAULT_HISTOGRAM_AGGREGATION=base2_exponential_bucket_histogram});
 * names, units and descriptions are carried as they are. Cumulative points start at the JVM's start.
 * Which kinds become deltas is {@link Temporality}'s choice.
 *
 * <p>Deltas come from successive cumulative snapshots: this converter keeps, per series, the values of
 * the last <em>committed</em> batch (bounded by the registry's series limits; a series missing from a
 * batch is forgotten when that batch is committed). A batch that is not committed (the export failed
 * and will be retried) leaves the baseline where it was, so the next batch carries the changes of both
 * intervals: pending data merges instead of piling up. A counter that went down started again: its
 * delta is its new value. Delta histograms have no min and max: the registry keeps them only since
 * the start, not per interval. An exponential delta brings the earlier histogram down to the later one's
 * scale (a cumulative histogram's scale only goes down) and subtracts bucket by bucket; a lower count or
 * a higher scale means the series started again, and its delta is its new value.
 *
 * <p>Not thread-safe: one exporter calls it from one thread at a time. Public for the benchmarks.
 */
public final class MetricDataConverter {

  private final Resource resource;
  private final InstrumentationScopeInfo scope;
  private final long startEpochNanos;
  private final Temporality temporality;
  /** The SDK's key for each of Weft's typed keys, made once. */
  private final Map<io.weft.bootstrap.metrics.AttributeKey, AttributeKey<?>> keys = new HashMap<>();
  private Map<SeriesId, Baseline> committed = new HashMap<>();

  /**
   * @param startEpochNanos when cumulative values began counting (the JVM's start), also the start of
   *     the first delta of each series
   */
  MetricDataConverter(Resource resource, InstrumentationScopeInfo scope, long startEpochNanos,
      Temporality temporality) {
    this.resource = resource;
    this.scope = scope;
    this.startEpochNanos = startEpochNanos;
    this.temporality = temporality;
  }

  /**
   * A converter for Weft's resource, the {@code io.weft} scope of the given agent version (or null), with
   * cumulative series starting at the JVM's start.
   */
  public static MetricDataConverter of(io.weft.agent.resource.Resource resource, String version,
      Temporality temporality) {
    return new MetricDataConverter(SdkExporter.resource(resource), SdkExporter.scope(version),
        SdkExporter.jvmStartEpochNanos(), temporality);
  }

  /** The export-ready form of a snapshot; cost: a few small objects per data point. */
  public Batch convert(RegistrySnapshot snapshot) {
    long epochNanos = snapshot.epochMillis() * 1_000_000L;
    Map<SeriesId, Baseline> baseline = temporality == Temporality.CUMULATIVE ? committed : new HashMap<>();
    List<MetricData> metrics = new ArrayList<>(snapshot.metrics().size());
    int points = 0;
    for (MetricSnapshot metric : snapshot.metrics()) {
      MetricData data = convert(metric, epochNanos, baseline);
      if (data != null) {
        metrics.add(data);
        points += metric.points().size();
      }
    }
    return new Batch(metrics, points, baseline);
  }

  /** Makes the batch's values the baseline for the next deltas: call once the receiver has the batch. */
  public void commit(Batch batch) {
    committed = batch.baseline;
  }

  private MetricData convert(MetricSnapshot metric, long epochNanos, Map<SeriesId, Baseline> baseline) {
    MetricDescriptor d = metric.descriptor();
    boolean delta = temporality.delta(d.kind(), metric.asynchronous());
    switch (d.kind()) {
      case COUNTER:
      case UP_DOWN_COUNTER: {
        List<DoublePointData> points = new ArrayList<>(metric.points().size());
        for (DataPoint point : metric.points()) {
          if (point instanceof NumberPoint number) {
            points.add(delta
                ? counterDelta(d.name(), number, epochNanos, baseline)
                : ImmutableDoublePointData.create(startEpochNanos, epochNanos, attributes(number.attributes()),
                    number.value()));
          }
        }
        return ImmutableMetricData.createDoubleSum(resource, scope, d.name(), d.description(), d.unit(),
            ImmutableSumData.create(d.kind() == MetricKind.COUNTER,
                delta ? AggregationTemporality.DELTA : AggregationTemporality.CUMULATIVE, points));
      }
      case GAUGE: {
        List<DoublePointData> points = new ArrayList<>(metric.points().size());
        for (DataPoint point : metric.points()) {
          if (point instanceof NumberPoint number) {
            points.add(ImmutableDoublePointData.create(startEpochNanos, epochNanos, attributes(number.attributes()),
                number.value()));
          }
        }
        return ImmutableMetricData.createDoubleGauge(resource, scope, d.name(), d.description(), d.unit(),
            ImmutableGaugeData.create(points));
      }
      case HISTOGRAM: {
        if (!metric.points().isEmpty() && metric.points().get(0) instanceof HistogramPoint first
            && first.exponential() != null) {
          return exponential(metric, delta, epochNanos, baseline);
        }
        List<HistogramPointData> points = new ArrayList<>(metric.points().size());
        Boundaries boundaries = new Boundaries();
        for (DataPoint point : metric.points()) {
          if (point instanceof HistogramPoint histogram) {
            points.add(delta
                ? histogramDelta(d.name(), histogram, epochNanos, baseline, boundaries)
                : histogramCumulative(histogram, epochNanos, boundaries));
          }
        }
        return ImmutableMetricData.createDoubleHistogram(resource, scope, d.name(), d.description(), d.unit(),
            ImmutableHistogramData.create(
                delta ? AggregationTemporality.DELTA : AggregationTemporality.CUMULATIVE, points));
      }
      default:
        return null;
    }
  }

  private DoublePointData counterDelta(String name, NumberPoint point, long epochNanos,
      Map<SeriesId, Baseline> baseline) {
    SeriesId id = new SeriesId(name, point.attributes());
    Baseline previous = committed.get(id);
    double value = point.value();
    long start = startEpochNanos;
    if (previous != null) {
      start = previous.epochNanos;
      // Lower than before: the count started again; all of it is new.
      value = value >= previous.value ? value - previous.value : value;
    }
    baseline.put(id, new Baseline(point.value(), null, 0, epochNanos, null));
    return ImmutableDoublePointData.create(start, epochNanos, attributes(point.attributes()), value);
  }

  private HistogramPointData histogramCumulative(HistogramPoint point, long epochNanos, Boundaries boundaries) {
    boolean seen = point.count() > 0;
    return ImmutableHistogramPointData.create(startEpochNanos, epochNanos, attributes(point.attributes()),
        point.sum(), seen && !Double.isNaN(point.min()), point.min(), seen && !Double.isNaN(point.max()),
        point.max(), boundaries.of(point), counts(point.bucketCounts(), null));
  }

  private HistogramPointData histogramDelta(String name, HistogramPoint point, long epochNanos,
      Map<SeriesId, Baseline> baseline, Boundaries boundaries) {
    SeriesId id = new SeriesId(name, point.attributes());
    Baseline previous = committed.get(id);
    long[] counts = point.bucketCounts();
    long start = startEpochNanos;
    long[] before = null;
    double sum = point.sum();
    if (previous != null) {
      start = previous.epochNanos;
      if (point.count() >= previous.count && previous.counts.length == counts.length) {
        before = previous.counts;
        sum -= previous.value;
      }
    }
    baseline.put(id, new Baseline(point.sum(), counts, point.count(), epochNanos, null));
    return ImmutableHistogramPointData.create(start, epochNanos, attributes(point.attributes()), sum,
        false, 0, false, 0, boundaries.of(point), counts(counts, before));
  }

  private MetricData exponential(MetricSnapshot metric, boolean delta, long epochNanos,
      Map<SeriesId, Baseline> baseline) {
    MetricDescriptor d = metric.descriptor();
    List<ExponentialHistogramPointData> points = new ArrayList<>(metric.points().size());
    for (DataPoint point : metric.points()) {
      if (point instanceof HistogramPoint histogram && histogram.exponential() != null) {
        points.add(delta
            ? exponentialDelta(d.name(), histogram, epochNanos, baseline)
            : exponentialPoint(histogram.exponential(), true, startEpochNanos, epochNanos, histogram.attributes()));
      }
    }
    return ImmutableMetricData.createExponentialHistogram(resource, scope, d.name(), d.description(), d.unit(),
        ImmutableExponentialHistogramData.create(
            delta ? AggregationTemporality.DELTA : AggregationTemporality.CUMULATIVE, points));
  }

  private ExponentialHistogramPointData exponentialDelta(String name, HistogramPoint point, long epochNanos,
      Map<SeriesId, Baseline> baseline) {
    SeriesId id = new SeriesId(name, point.attributes());
    Baseline previous = committed.get(id);
    ExponentialHistogram current = point.exponential();
    long start = startEpochNanos;
    ExponentialHistogram change = current;
    if (previous != null) {
      start = previous.epochNanos;
      if (previous.exponential != null) {
        ExponentialHistogram difference = ExponentialDelta.between(previous.exponential, current);
        change = difference != null ? difference : current;
      }
    }
    baseline.put(id, new Baseline(point.sum(), null, point.count(), epochNanos, current));
    return exponentialPoint(change, false, start, epochNanos, point.attributes());
  }

  private ExponentialHistogramPointData exponentialPoint(ExponentialHistogram h, boolean withMinMax, long start,
      long epochNanos, Attributes attributes) {
    boolean minMax = withMinMax && h.count() > 0;
    return ImmutableExponentialHistogramPointData.create(h.scale(), h.sum(), h.zeroCount(),
        minMax, minMax ? h.min() : 0, minMax, minMax ? h.max() : 0,
        buckets(h.scale(), h.positive()), buckets(h.scale(), h.negative()),
        start, epochNanos, attributes(attributes), List.of());
  }

  private static ExponentialHistogramBuckets buckets(int scale, ExponentialHistogram.Buckets buckets) {
    Long[] boxed = new Long[buckets.size()];
    for (int k = 0; k < boxed.length; k++) {
      boxed[k] = buckets.count(k);
    }
    return ImmutableExponentialHistogramBuckets.create(scale, buckets.offset(), Arrays.asList(boxed));
  }

  private static List<Long> counts(long[] counts, long[] before) {
    Long[] boxed = new Long[counts.length];
    for (int i = 0; i < counts.length; i++) {
      boxed[i] = before == null ? counts[i] : counts[i] - before[i];
    }
    return Arrays.asList(boxed);
  }

  /** The present attributes with their types (int attributes as int_value), absent ones left out. */
  @SuppressWarnings("unchecked")
  private io.opentelemetry.api.common.Attributes attributes(Attributes attributes) {
    if (attributes.size() == 0) {
      return io.opentelemetry.api.common.Attributes.empty();
    }
    AttributesBuilder builder = io.opentelemetry.api.common.Attributes.builder();
    attributes.forEachPresent((key, value) -> builder.put((AttributeKey<Object>) keys.computeIfAbsent(key, k -> sdkKey(k)),
        value));
    return builder.build();
  }

  private static AttributeKey<?> sdkKey(io.weft.bootstrap.metrics.AttributeKey key) {
    return switch (key.type()) {
      case STRING -> AttributeKey.stringKey(key.name());
      case LONG -> AttributeKey.longKey(key.name());
      case BOOLEAN -> AttributeKey.booleanKey(key.name());
      case DOUBLE -> AttributeKey.doubleKey(key.name());
    };
  }

  /** The converted points of one snapshot, and the per-series values to commit once it is delivered. */
  public static final class Batch {
    private final List<MetricData> metrics;
    private final int points;
    private final Map<SeriesId, Baseline> baseline;

    Batch(List<MetricData> metrics, int points, Map<SeriesId, Baseline> baseline) {
      this.metrics = List.copyOf(metrics);
      this.points = points;
      this.baseline = baseline;
    }

    public List<MetricData> metrics() {
      return metrics;
    }

    /** Data points in the batch. */
    public int points() {
      return points;
    }

    /**
     * Writes the batch as the protobuf request body the SDK's OTLP/HTTP exporter sends (before any
     * compression); returns the number of bytes. For benchmarks and tests: the exporter writes its own.
     */
    public int writeRequestTo(OutputStream out) throws IOException {
      MetricsRequestMarshaler request = MetricsRequestMarshaler.create(metrics);
      request.writeBinaryTo(out);
      return request.getBinarySerializedSize();
    }
  }

  /** One series of one metric. */
  private record SeriesId(String metric, Attributes attributes) {}

  /**
   * A series' cumulative value (or histogram sum, bucket counts and count, or exponential histogram) when it
   * was last exported.
   */
  private record Baseline(double value, long[] counts, long count, long epochNanos, ExponentialHistogram exponential) {}

  /** The boundaries of one histogram metric as the SDK wants them, boxed once per metric. */
  private static final class Boundaries {
    private double[] bounds;
    private List<Double> boxed;

    List<Double> of(HistogramPoint point) {
      double[] current = point.bounds();
      if (boxed == null || !Arrays.equals(bounds, current)) {
        Double[] values = new Double[current.length];
        for (int i = 0; i < current.length; i++) {
          values[i] = current[i];
        }
        bounds = current;
        boxed = Arrays.asList(values);
      }
      return boxed;
    }
  }
}
