package io.weft.bootstrap.snapshot;

import java.util.Arrays;

/**
 * The base-2 exponential form of one histogram series, as OpenTelemetry's exponential histogram
 * defines it: at {@code scale} s, bucket {@code i} counts values {@code v} with
 * {@code 2^(i/2^s) < |v| <= 2^((i+1)/2^s)}; values equal to zero go to {@code zeroCount}. Positive and
 * negative values have their own bucket ranges at the same scale. Cumulative, like {@link HistogramPoint}.
 *
 * <p>Infinite values have no bucket and are left out, so {@code count} and {@code sum} are this form's
 * own and may differ from the explicit histogram's when such values were recorded. Always consistent:
 * {@code count == zeroCount + positive.total() + negative.total()}.
 *
 * @param min the smallest value recorded, NaN while {@code count} is 0
 * @param max the largest value recorded, NaN while {@code count} is 0
 */
public record ExponentialHistogram(
    int scale, long zeroCount, long count, double sum, double min, double max, Buckets positive, Buckets negative) {

  public ExponentialHistogram {
    if (count != zeroCount + positive.total() + negative.total()) {
      throw new IllegalArgumentException("count " + count + " is not zeroCount " + zeroCount + " + positive "
          + positive.total() + " + negative " + negative.total());
    }
  }

  /**
   * Consecutive buckets: {@code counts[k]} is bucket {@code offset + k}. Empty when no value of this sign
   * was recorded.
   */
  public record Buckets(int offset, long[] counts) {

    public static final Buckets EMPTY = new Buckets(0, new long[0]);

    public Buckets {
      counts = counts.clone();
    }

    /** Copies so that the record stays immutable from the outside. */
    @Override
    public long[] counts() {
      return counts.clone();
    }

    /** The count of bucket {@code offset + k}. */
    public long count(int k) {
      return counts[k];
    }

    public int size() {
      return counts.length;
    }

    /** The sum of the bucket counts. */
    public long total() {
      long total = 0;
      for (long c : counts) {
        total += c;
      }
      return total;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Buckets b && b.offset == offset && Arrays.equals(b.counts, counts);
    }

    @Override
    public int hashCode() {
      return 31 * offset + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
      return "Buckets[offset=" + offset + ", counts=" + Arrays.toString(counts) + "]";
    }
  }
}
