package io.weft.bootstrap.snapshot;

import java.util.Arrays;

/**
 * A cumulative explicit-bucket histogram. {@code bucketCounts[i]} counts observations in
 * {@code (bounds[i-1], bounds[i]]}; the last element is the {@code +Inf} bucket, so there is one more
 * count than bounds. Always consistent: {@code count} equals the sum of {@code bucketCounts}.
 *
 * @param exponential the same observations in base-2 exponential buckets, taken in the same consistent
 *     read, when the registry records them (see {@code MetricRegistry#exponentialHistograms()}); else
 *     null
 */
public record HistogramPoint(
    Attributes attributes, double[] bounds, long[] bucketCounts, long count, double sum, double min, double max,
    ExponentialHistogram exponential)
    implements DataPoint {

  public HistogramPoint {
    if (bucketCounts.length != bounds.length + 1) {
      throw new IllegalArgumentException(
          bucketCounts.length + " bucket counts for " + bounds.length + " bounds");
    }
  }

  /** A point with explicit buckets only. */
  public HistogramPoint(
      Attributes attributes, double[] bounds, long[] bucketCounts, long count, double sum, double min, double max) {
    this(attributes, bounds, bucketCounts, count, sum, min, max, null);
  }

  /** Copies so that the record stays immutable from the outside. */
  @Override
  public double[] bounds() {
    return bounds.clone();
  }

  @Override
  public long[] bucketCounts() {
    return bucketCounts.clone();
  }

  @Override
  public String toString() {
    return "HistogramPoint[" + attributes + ", bounds=" + Arrays.toString(bounds) + ", counts="
        + Arrays.toString(bucketCounts) + ", count=" + count + ", sum=" + sum + ", min=" + min + ", max=" + max
        + (exponential == null ? "" : ", exponential=" + exponential) + "]";
  }
}
