package io.weft.agent.exporter.otlp;

import static io.weft.agent.exporter.otlp.OtlpRequests.encodeAndDecode;
import static io.weft.agent.exporter.otlp.OtlpRequests.metric;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.weft.agent.resource.Resource;
import io.weft.bootstrap.metrics.Histogram;
import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.bootstrap.snapshot.ExponentialHistogram;
import io.weft.bootstrap.snapshot.ExponentialHistogram.Buckets;
import io.weft.bootstrap.snapshot.HistogramPoint;
import io.weft.bootstrap.snapshot.RegistrySnapshot;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Histograms recorded with exponential buckets go out as OTLP exponential histograms, cumulative or delta. */
class ExponentialHistogramConversionTest {
  private static final long START_NANOS = 1_700_000_000_000_000_000L;

  private final MetricRegistry registry = new MetricRegistry(false, 10, true);
  private final Histogram.Handle duration =
      registry.histogram("demo.duration").unit("s").description("Time taken.").buckets(1).register().bind();

  private static MetricDataConverter converter(Temporality temporality) {
    return new MetricDataConverter(SdkExporter.resource(new Resource(Map.of("service.name", "orders"))),
        SdkExporter.scope("1.2.3"), START_NANOS, temporality);
  }

  @Test
  void cumulativePointsCarryScaleZeroCountBothRangesCountSumMinAndMax() {
    for (double v : new double[] {0, 0.004, 0.0045, 0.25, -0.5, 3}) {
      duration.record(v);
    }
    RegistrySnapshot snapshot = registry.collect();
    ExponentialHistogram recorded = exponential(snapshot);

    Metric metric = metric(encodeAndDecode(converter(Temporality.CUMULATIVE).convert(snapshot)), "demo.duration");

    assertEquals("s", metric.getUnit());
    assertEquals("Time taken.", metric.getDescription());
    assertTrue(metric.hasExponentialHistogram(), "not an explicit-bucket histogram");
    assertEquals(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE,
        metric.getExponentialHistogram().getAggregationTemporality());
    ExponentialHistogramDataPoint point = metric.getExponentialHistogram().getDataPoints(0);
    assertEquals(6, point.getCount());
    assertEquals(0 + 0.004 + 0.0045 + 0.25 - 0.5 + 3, point.getSum(), 1e-15);
    assertEquals(-0.5, point.getMin());
    assertEquals(3.0, point.getMax());
    assertEquals(1, point.getZeroCount());
    // 0.004 .. 3 spans 9.6 powers of two: 16 buckets each (scale 4) fit in 160, 32 would not.
    assertEquals(4, point.getScale());
    assertEquals(recorded.scale(), point.getScale());
    assertEquals(recorded.positive(), buckets(point.getPositive()));
    assertEquals(recorded.negative(), buckets(point.getNegative()));
    assertEquals(4, recorded.positive().total());
    // -0.5 = -2^-1 is the upper bound of bucket -16 at scale 4: (2^(-17/16), 2^(-16/16)].
    assertEquals(new Buckets(-17, new long[] {1}), recorded.negative());
    assertEquals(START_NANOS, point.getStartTimeUnixNano());
    assertEquals(snapshot.epochMillis() * 1_000_000L, point.getTimeUnixNano());
  }

  @Test
  void deltasAreTheNewObservationsAtTheLaterScale() {
    MetricDataConverter converter = converter(Temporality.DELTA);
    double[] first = {0.010, 0.011, 0.012, 0};
    double[] second = {0.0105, 0.5, 2.0, 0, 0, -1};
    record(duration, first);
    RegistrySnapshot before = registry.collect();
    converter.commit(converter.convert(before));
    record(duration, second);
    RegistrySnapshot after = registry.collect();

    Metric metric = metric(encodeAndDecode(converter.convert(after)), "demo.duration");

    assertEquals(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA,
        metric.getExponentialHistogram().getAggregationTemporality());
    ExponentialHistogramDataPoint point = metric.getExponentialHistogram().getDataPoints(0);
    assertTrue(exponential(before).scale() > exponential(after).scale(), "the second interval lowered the scale");
    assertEquals(exponential(after).scale(), point.getScale());
    assertEquals(6, point.getCount());
    assertEquals(2, point.getZeroCount());
    assertEquals(0.0105 + 0.5 + 2.0 - 1, point.getSum(), 1e-12);
    assertFalse(point.hasMin() || point.hasMax(), "per-interval min and max are not known");
    assertEquals(before.epochMillis() * 1_000_000L, point.getStartTimeUnixNano());
    // The same as the second interval's values recorded on their own, brought to the same scale.
    ExponentialHistogram alone = alone(second);
    int by = alone.scale() - point.getScale();
    assertEquals(ExponentialDelta.downscale(alone.positive(), by), buckets(point.getPositive()));
    assertEquals(ExponentialDelta.downscale(alone.negative(), by), buckets(point.getNegative()));
  }

  @Test
  void anUncommittedBatchMergesIntoTheNextDelta() {
    MetricDataConverter converter = converter(Temporality.DELTA);
    duration.record(0.1);
    RegistrySnapshot delivered = registry.collect();
    converter.commit(converter.convert(delivered));
    duration.record(0.2);
    converter.convert(registry.collect()); // not delivered: not committed
    duration.record(0.3);

    ExponentialHistogramDataPoint point = metric(encodeAndDecode(converter.convert(registry.collect())),
        "demo.duration").getExponentialHistogram().getDataPoints(0);

    assertEquals(2, point.getCount());
    assertEquals(0.5, point.getSum(), 1e-15);
    assertEquals(2, buckets(point.getPositive()).total());
    assertEquals(delivered.epochMillis() * 1_000_000L, point.getStartTimeUnixNano());
  }

  @Test
  void aHistogramWithoutExponentialBucketsStaysExplicit() {
    MetricRegistry explicit = new MetricRegistry();
    explicit.histogram("demo.duration").buckets(1).register().bind().record(0.5);

    Metric metric = metric(encodeAndDecode(converter(Temporality.CUMULATIVE).convert(explicit.collect())),
        "demo.duration");

    assertTrue(metric.hasHistogram());
    assertEquals(List.of(1L, 0L), metric.getHistogram().getDataPoints(0).getBucketCountsList());
  }

  @Test
  void theExplicitBucketsStayInTheSnapshotForPrometheus() {
    duration.record(0.5);
    duration.record(5);
    HistogramPoint point = (HistogramPoint) registry.collect().find("demo.duration").points().get(0);
    assertEquals(List.of(1L, 1L), Arrays.stream(point.bucketCounts()).boxed().toList());
  }

  @Test
  void aLowerCountOrAHigherScaleMeansTheSeriesStartedAgain() {
    ExponentialHistogram earlier = new ExponentialHistogram(3, 0, 2, 3.0, 1, 2, new Buckets(-1, new long[] {1, 0,
        0, 0, 0, 0, 0, 0, 1}), Buckets.EMPTY);
    ExponentialHistogram fewer = new ExponentialHistogram(3, 0, 1, 1.0, 1, 1, new Buckets(-1, new long[] {1}),
        Buckets.EMPTY);
    ExponentialHistogram finer = new ExponentialHistogram(4, 0, 3, 4.0, 1, 2, new Buckets(-1, new long[] {3}),
        Buckets.EMPTY);
    ExponentialHistogram shrunk = new ExponentialHistogram(3, 0, 3, 4.0, 1, 2, new Buckets(7, new long[] {3}),
        Buckets.EMPTY);
    assertNull(ExponentialDelta.between(earlier, fewer));
    assertNull(ExponentialDelta.between(earlier, finer));
    assertNull(ExponentialDelta.between(earlier, shrunk), "bucket -1 lost its observation");
  }

  @Test
  void downscalingMergesPairsOfBucketsPerStepRoundingIndexesDown() {
    Buckets buckets = new Buckets(-3, new long[] {1, 2, 3, 4, 5}); // buckets -3..1
    // -3 >> 1 = -2; -2, -1 >> 1 = -1; 0, 1 >> 1 = 0
    assertEquals(new Buckets(-2, new long[] {1, 5, 9}), ExponentialDelta.downscale(buckets, 1));
    assertEquals(new Buckets(-1, new long[] {6, 9}), ExponentialDelta.downscale(buckets, 2));
    assertEquals(new Buckets(-1, new long[] {6, 9}), ExponentialDelta.downscale(buckets, 5));
    assertEquals(buckets, ExponentialDelta.downscale(buckets, 0));
  }

  @Test
  void subtractingTrimsEmptyEndBuckets() {
    Buckets later = new Buckets(2, new long[] {4, 1, 6, 2});
    Buckets earlier = new Buckets(2, new long[] {4, 0, 1, 2});
    assertEquals(new Buckets(3, new long[] {1, 5}), ExponentialDelta.subtract(later, earlier));
    assertEquals(Buckets.EMPTY, ExponentialDelta.subtract(later, later));
  }

  private static void record(Histogram.Handle handle, double[] values) {
    for (double v : values) {
      handle.record(v);
    }
  }

  private static ExponentialHistogram alone(double[] values) {
    MetricRegistry fresh = new MetricRegistry(false, 10, true);
    record(fresh.histogram("demo.duration").buckets(1).register().bind(), values);
    return exponential(fresh.collect());
  }

  private static ExponentialHistogram exponential(RegistrySnapshot snapshot) {
    return ((HistogramPoint) snapshot.find("demo.duration").points().get(0)).exponential();
  }

  private static Buckets buckets(ExponentialHistogramDataPoint.Buckets buckets) {
    return new Buckets(buckets.getOffset(), buckets.getBucketCountsList().stream().mapToLong(Long::longValue).toArray());
  }
}
