package io.weft.bootstrap.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.export.MemoryMode;
import io.opentelemetry.sdk.metrics.data.ExponentialHistogramBuckets;
import io.opentelemetry.sdk.metrics.data.ExponentialHistogramPointData;
import io.opentelemetry.sdk.metrics.internal.aggregator.AggregatorHandle;
import io.opentelemetry.sdk.metrics.internal.aggregator.DoubleBase2ExponentialHistogramAggregator;
import io.opentelemetry.sdk.metrics.internal.exemplar.ExemplarReservoirFactory;
import io.weft.bootstrap.snapshot.ExponentialHistogram;
import io.weft.bootstrap.snapshot.HistogramPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The exponential buckets are checked against the OpenTelemetry SDK's base2 exponential histogram
 * aggregator (its defaults: 160 buckets, scale 20) fed the same values: scale, offsets, bucket counts,
 * zero count, count and sum must be identical.
 */
class ExponentialCellsTest {

  @Test
  void durationsOfAFewMillisecondsStayAtAFineScaleAndMatchTheSdk() {
    Random random = new Random(1);
    double[] values = new double[5_000];
    for (int i = 0; i < values.length; i++) {
      values[i] = 0.002 + random.nextDouble() * 0.001;
    }
    ExponentialHistogram weft = assertSameAsSdk(values);
    // 2 ms to 3 ms is log2(1.5) = 0.58 of a power of two: 160 buckets fit it at scale 8 (256 per power).
    assertEquals(8, weft.scale());
    assertEquals(5_000, weft.positive().total());
  }

  @Test
  void aRangeFromMicrosecondsToMinutesIsDownscaledAsTheSdkDoes() {
    Random random = new Random(2);
    double[] values = new double[20_000];
    for (int i = 0; i < values.length; i++) {
      values[i] = Math.pow(10, -6 + random.nextDouble() * 8); // 1 µs .. 100 s
    }
    ExponentialHistogram weft = assertSameAsSdk(values);
    // 26.6 powers of two: at 4 buckets each (scale 2) they fit in 160; at 8 (scale 3) they would not.
    assertEquals(2, weft.scale());
  }

  @Test
  void positiveNegativeAndZeroValuesShareOneScaleAsInTheSdk() {
    Random random = new Random(3);
    double[] values = new double[10_000];
    for (int i = 0; i < values.length; i++) {
      double magnitude = Math.pow(2, -20 + random.nextDouble() * 30);
      values[i] = switch (i % 5) {
        case 0 -> 0.0;
        case 1, 2 -> magnitude;
        default -> -magnitude / 1000;
      };
    }
    ExponentialHistogram weft = assertSameAsSdk(values);
    assertEquals(2_000, weft.zeroCount());
    assertEquals(4_000, weft.positive().total());
    assertEquals(4_000, weft.negative().total());
  }

  @Test
  void exactPowersOfTwoAndTheirNeighboursLandInTheSdksBuckets() {
    List<Double> values = new ArrayList<>();
    for (int e = -30; e <= 30; e++) {
      double p = Math.scalb(1.0, e);
      values.add(p);
      values.add(Math.nextUp(p));
      values.add(Math.nextDown(p));
    }
    assertSameAsSdk(values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  @Test
  void theWholeDoubleRangeIncludingSubnormalsFitsAtANegativeScale() {
    ExponentialHistogram weft = assertSameAsSdk(
        Double.MIN_VALUE, 3 * Double.MIN_VALUE, Double.MIN_NORMAL, 1.0, Double.MAX_VALUE, -Double.MAX_VALUE,
        -Double.MIN_VALUE);
    assertEquals(-4, weft.scale());
    assertEquals(7, weft.count());
  }

  @Test
  void aSingleValueIsRecordedAtTheMaximumScale() {
    ExponentialHistogram weft = assertSameAsSdk(1.5);
    assertEquals(ExponentialCells.MAX_SCALE, weft.scale());
    // log2(1.5) * 2^20 = 613,377.6: bucket 613,377 holds (2^(613377/2^20), 2^(613378/2^20)].
    assertEquals(new ExponentialHistogram.Buckets(613_377, new long[] {1}), weft.positive());
  }

  @Test
  void indexAtScaleZeroIsTheExponentWithPowersOfTwoInTheBucketBelow() {
    assertEquals(0, ExponentialCells.indexAtScaleZero(1.5));
    assertEquals(-1, ExponentialCells.indexAtScaleZero(1.0));
    assertEquals(1, ExponentialCells.indexAtScaleZero(4.0));
    assertEquals(2, ExponentialCells.indexAtScaleZero(Math.nextUp(4.0)));
    assertEquals(-1075, ExponentialCells.indexAtScaleZero(Double.MIN_VALUE));
    assertEquals(-1074, ExponentialCells.indexAtScaleZero(2 * Double.MIN_VALUE));
    assertEquals(-1073, ExponentialCells.indexAtScaleZero(3 * Double.MIN_VALUE));
    assertEquals(-1023, ExponentialCells.indexAtScaleZero(Double.MIN_NORMAL));
    assertEquals(1023, ExponentialCells.indexAtScaleZero(Double.MAX_VALUE));
  }

  @Test
  void nanIsIgnoredEverywhereAndInfinitiesOnlyInTheExponentialForm() {
    Histogram histogram = new MetricRegistry(false, 10, true).histogram("h").buckets(1, 2).register();
    Histogram.Handle h = histogram.bind();
    h.record(Double.NaN);
    h.record(Double.POSITIVE_INFINITY);
    h.record(Double.NEGATIVE_INFINITY);
    h.record(1.5);
    HistogramPoint point = point(histogram);
    assertEquals(3, point.count()); // the explicit histogram keeps infinities in its end buckets
    assertArrayEquals(new long[] {1, 1, 1}, point.bucketCounts());
    ExponentialHistogram e = point.exponential();
    assertEquals(1, e.count());
    assertEquals(1.5, e.sum());
    assertEquals(1.5, e.min());
    assertEquals(1.5, e.max());
  }

  @Test
  void negativeZeroCountsAsZero() {
    ExponentialCells cells = new ExponentialCells();
    cells.add(-0.0);
    cells.add(0.0);
    ExponentialHistogram e = cells.snapshot();
    assertEquals(2, e.zeroCount());
    assertEquals(2, e.count());
    assertEquals(ExponentialHistogram.Buckets.EMPTY, e.positive());
    assertEquals(ExponentialHistogram.Buckets.EMPTY, e.negative());
  }

  @Test
  void anEmptySeriesHasNoBucketsAndNoMinOrMax() {
    ExponentialHistogram e = new ExponentialCells().snapshot();
    assertEquals(ExponentialCells.MAX_SCALE, e.scale());
    assertEquals(0, e.count());
    assertTrue(Double.isNaN(e.min()) && Double.isNaN(e.max()));
  }

  @Test
  void onlyARegistryWithExponentialHistogramsOnRecordsThem() {
    Histogram off = new MetricRegistry().histogram("h").register();
    off.bind().record(0.25);
    assertNull(point(off).exponential());
    Histogram on = new MetricRegistry(false, 10, true).histogram("h").register();
    on.bind().record(0.25);
    ExponentialHistogram e = point(on).exponential();
    assertNotNull(e);
    assertEquals(1, e.count());
    assertEquals(0.25, e.sum());
  }

  @Test
  void everyReadWhileThreadsRecordHasTheSameObservationsInBothForms() throws InterruptedException {
    Histogram histogram = new MetricRegistry(false, 10, true).histogram("h").buckets(0.001, 0.01, 0.1).register();
    Histogram.Handle h = histogram.bind();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int seed = t;
      Thread writer = new Thread(() -> {
        Random random = new Random(seed);
        while (!stop.get()) {
          // Multiples of 2^-10 up to 1: every sum is exact, whatever order the two forms add in.
          h.record((1 + random.nextInt(1024)) / 1024.0);
        }
      });
      writer.start();
      writers.add(writer);
    }
    try {
      long seen = 0;
      for (int i = 0; i < 200; i++) {
        HistogramPoint p = point(histogram);
        ExponentialHistogram e = p.exponential();
        assertEquals(p.count(), e.count());
        assertEquals(p.sum(), e.sum());
        assertEquals(p.min(), e.min());
        assertEquals(p.max(), e.max());
        assertTrue(e.count() >= seen);
        seen = e.count();
      }
    } catch (Throwable t) {
      failure.set(t);
    } finally {
      stop.set(true);
      for (Thread writer : writers) {
        writer.join();
      }
    }
    if (failure.get() != null) {
      throw new AssertionError(failure.get());
    }
    HistogramPoint last = point(histogram);
    assertEquals(last.count(), last.exponential().count());
  }

  /** The one series of a histogram. */
  private static HistogramPoint point(Histogram histogram) {
    List<HistogramPoint> points = new ArrayList<>();
    histogram.collect((descriptor, point) -> points.add((HistogramPoint) point));
    assertEquals(1, points.size());
    return points.get(0);
  }

  /** Records the values into Weft's cells and into the SDK's aggregator and asserts the same result. */
  private static ExponentialHistogram assertSameAsSdk(double... values) {
    ExponentialCells weftCells = new ExponentialCells();
    DoubleBase2ExponentialHistogramAggregator aggregator = new DoubleBase2ExponentialHistogramAggregator(
        ExemplarReservoirFactory.noSamples(), ExponentialCells.MAX_BUCKETS, ExponentialCells.MAX_SCALE, true,
        MemoryMode.IMMUTABLE_DATA);
    AggregatorHandle<ExponentialHistogramPointData> sdk = aggregator.createHandle(0);
    for (double v : values) {
      weftCells.add(v);
      sdk.recordDouble(v, io.opentelemetry.api.common.Attributes.empty(), Context.root());
    }
    ExponentialHistogram weft = weftCells.snapshot();
    ExponentialHistogramPointData expected =
        sdk.aggregateThenMaybeReset(0, 1, io.opentelemetry.api.common.Attributes.empty(), false);
    assertEquals(expected.getScale(), weft.scale(), "scale");
    assertEquals(expected.getZeroCount(), weft.zeroCount(), "zero count");
    assertEquals(expected.getCount(), weft.count(), "count");
    assertEquals(expected.getSum(), weft.sum(), "sum");
    assertEquals(expected.getMin(), weft.min(), "min");
    assertEquals(expected.getMax(), weft.max(), "max");
    assertBuckets(expected.getPositiveBuckets(), weft.positive(), "positive");
    assertBuckets(expected.getNegativeBuckets(), weft.negative(), "negative");
    return weft;
  }

  private static void assertBuckets(ExponentialHistogramBuckets expected, ExponentialHistogram.Buckets actual,
      String sign) {
    long[] counts = expected.getBucketCounts().stream().mapToLong(Long::longValue).toArray();
    assertArrayEquals(counts, actual.counts(), sign + " bucket counts");
    if (counts.length > 0) {
      assertEquals(expected.getOffset(), actual.offset(), sign + " offset");
    }
  }
}
