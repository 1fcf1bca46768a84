package io.weft.agent.exporter.otlp;

import io.weft.bootstrap.snapshot.ExponentialHistogram;
import io.weft.bootstrap.snapshot.ExponentialHistogram.Buckets;

/**
 * The change between two cumulative exponential histograms of one series.
 *
 * <p>A cumulative exponential histogram only ever lowers its scale, and lowering merges bucket {@code i}
 * into bucket {@code i >> 1} per step. So the earlier histogram, brought down to the later one's scale
 * the same way, fits bucket for bucket under the later one, and the change is the difference of the
 * counts. Anything else (a lower count, a higher scale, a bucket that shrank or lies outside the later
 * range) means the series started again in between.
 */
final class ExponentialDelta {

  private ExponentialDelta() {}

  /**
   * {@code later - earlier} at the later scale, without min and max (NaN: they are not kept per interval);
   * or null if the series started again, in which case all of {@code later} is new.
   */
  static ExponentialHistogram between(ExponentialHistogram earlier, ExponentialHistogram later) {
    if (later.scale() > earlier.scale() || later.count() < earlier.count()
        || later.zeroCount() < earlier.zeroCount()) {
      return null;
    }
    int by = earlier.scale() - later.scale();
    Buckets positive = subtract(later.positive(), downscale(earlier.positive(), by));
    Buckets negative = subtract(later.negative(), downscale(earlier.negative(), by));
    if (positive == null || negative == null) {
      return null;
    }
    return new ExponentialHistogram(later.scale(), later.zeroCount() - earlier.zeroCount(),
        later.count() - earlier.count(), later.sum() - earlier.sum(), Double.NaN, Double.NaN, positive, negative);
  }

  /** The same buckets {@code by} scales lower: bucket {@code i} goes into bucket {@code i >> by}. */
  static Buckets downscale(Buckets buckets, int by) {
    if (by == 0 || buckets.size() == 0) {
      return buckets;
    }
    int low = buckets.offset() >> by;
    int high = (buckets.offset() + buckets.size() - 1) >> by;
    long[] counts = new long[high - low + 1];
    for (int k = 0; k < buckets.size(); k++) {
      counts[((buckets.offset() + k) >> by) - low] += buckets.count(k);
    }
    return new Buckets(low, counts);
  }

  /** {@code later - earlier} at one scale, trimmed of empty end buckets; null if a count would go down. */
  static Buckets subtract(Buckets later, Buckets earlier) {
    long[] counts = later.counts();
    for (int k = 0; k < earlier.size(); k++) {
      long before = earlier.count(k);
      if (before == 0) {
        continue;
      }
      int slot = earlier.offset() + k - later.offset();
      if (slot < 0 || slot >= counts.length || counts[slot] < before) {
        return null;
      }
      counts[slot] -= before;
    }
    int first = 0;
    while (first < counts.length && counts[first] == 0) {
      first++;
    }
    if (first == counts.length) {
      return Buckets.EMPTY;
    }
    int last = counts.length - 1;
    while (counts[last] == 0) {
      last--;
    }
    long[] trimmed = new long[last - first + 1];
    System.arraycopy(counts, first, trimmed, 0, trimmed.length);
    return new Buckets(later.offset() + first, trimmed);
  }
}
