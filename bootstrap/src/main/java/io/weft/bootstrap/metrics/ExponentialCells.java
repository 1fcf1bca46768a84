package io.weft.bootstrap.metrics;

import io.weft.bootstrap.snapshot.ExponentialHistogram;
import java.util.Arrays;

/**
 * One histogram series in base-2 exponential buckets, per OpenTelemetry's base2 exponential bucket
 * histogram aggregation: at most {@value #MAX_BUCKETS} buckets per sign, scale starting at
 * {@value #MAX_SCALE} and lowered (each step merges pairs of neighbouring buckets) whenever a value would
 * stretch a sign's range beyond {@value #MAX_BUCKETS} buckets; zeros counted apart; NaN and infinities
 * ignored, as they have no bucket.
 *
 * <p>Why a lock: a snapshot's count, sum and buckets must agree, and a scale change rewrites every
 * bucket, which a lock-free writer could not do safely. The owning handle records the explicit buckets
 * and these under this object's monitor, and reads both under it, so one snapshot holds exactly the same
 * observations in both forms. The lock is only taken when exponential histograms are switched on; its
 * cost is measured in {@code docs/performance.md}.
 *
 * <p>Indexing follows the specification (and so matches the OpenTelemetry SDK bucket for bucket): at
 * positive scales by logarithm, at zero and negative scales exactly from the double's exponent.
 *
 * <p>Not thread-safe by itself: every method but {@link #record(HistogramCells, int, double)} and
 * {@link #read(HistogramCells)} expects the caller to hold this object's monitor.
 */
final class ExponentialCells {

  /** The specification's default (and largest useful) scale. */
  static final int MAX_SCALE = 20;
  /** The specification's default MaxSize: buckets per sign. */
  static final int MAX_BUCKETS = 160;

  private static final double LOG2_E = 1.0 / Math.log(2.0);
  private static final long EXPONENT_MASK = 0x7FF0_0000_0000_0000L;
  private static final long SIGNIFICAND_MASK = 0x000F_FFFF_FFFF_FFFFL;
  private static final int SIGNIFICAND_BITS = 52;
  private static final int EXPONENT_BIAS = 1023;

  private int scale = MAX_SCALE;
  private double scaleFactor = Math.scalb(LOG2_E, MAX_SCALE);
  private long count;
  private long zeroCount;
  private double sum;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  private final BucketRange positive = new BucketRange();
  private final BucketRange negative = new BucketRange();

  /**
   * Records into the explicit cells and here, as one step. Cost: an uncontended monitor, a logarithm and a
   * few array writes (plus the explicit record); allocates only on the first value of each sign.
   */
  synchronized void record(HistogramCells explicit, int explicitIndex, double value) {
    explicit.record(explicitIndex, value);
    add(value);
  }

  /** Both forms, from the same set of observations. */
  synchronized Read read(HistogramCells explicit) {
    HistogramCells.Totals totals = explicit.read();
    // Equal counts mean no infinity was recorded: the same observations, so the same sum to the last bit,
    // although the explicit cells add them up in another order.
    return new Read(totals, snapshot(totals.count() == count ? totals.sum() : sum));
  }

  /** The explicit totals and the exponential form of one consistent read. */
  record Read(HistogramCells.Totals explicit, ExponentialHistogram exponential) {}

  /** Adds one value; the caller holds the monitor. */
  void add(double value) {
    if (!Double.isFinite(value)) {
      return;
    }
    count++;
    sum += value;
    min = Math.min(min, value);
    max = Math.max(max, value);
    if (value == 0) { // -0.0 too
      zeroCount++;
      return;
    }
    BucketRange range = value > 0 ? positive : negative;
    int index = index(value);
    // A recomputed index at the lower scale can, near a bucket boundary, land one bucket off the
    // shifted one (the logarithm is not exact), so check again rather than assume.
    while (!range.fits(index)) {
      downscale(range.reductionToFit(index));
      index = index(value);
    }
    range.increment(index);
  }

  /** The bucket of {@code |value|} at the current scale; value is finite and not zero. */
  int index(double value) {
    double magnitude = Math.abs(value);
    if (scale > 0) {
      return (int) Math.ceil(Math.log(magnitude) * scaleFactor) - 1;
    }
    return indexAtScaleZero(magnitude) >> -scale;
  }

  /** {@code ceil(log2(v)) - 1}, exactly, from the bits of a positive finite double. */
  static int indexAtScaleZero(double v) {
    long bits = Double.doubleToRawLongBits(v);
    long exponent = (bits & EXPONENT_MASK) >>> SIGNIFICAND_BITS;
    long significand = bits & SIGNIFICAND_MASK;
    if (exponent == 0) {
      // Subnormal: v = significand * 2^-1074, and ceil(log2(m)) = 64 - numberOfLeadingZeros(m - 1).
      return -1074 + 64 - Long.numberOfLeadingZeros(significand - 1) - 1;
    }
    int unbiased = (int) exponent - EXPONENT_BIAS;
    // An exact power of two is the upper bound of the bucket below.
    return significand == 0 ? unbiased - 1 : unbiased;
  }

  private void downscale(int by) {
    positive.downscale(by);
    negative.downscale(by);
    scale -= by;
    scaleFactor = Math.scalb(LOG2_E, scale);
  }

  int scale() {
    return scale;
  }

  ExponentialHistogram snapshot() {
    return snapshot(sum);
  }

  private ExponentialHistogram snapshot(double sum) {
    return count == 0
        ? new ExponentialHistogram(scale, 0, 0, 0, Double.NaN, Double.NaN, ExponentialHistogram.Buckets.EMPTY,
            ExponentialHistogram.Buckets.EMPTY)
        : new ExponentialHistogram(scale, zeroCount, count, sum, min, max, positive.snapshot(), negative.snapshot());
  }

  /**
   * The buckets of one sign: a window of at most {@value #MAX_BUCKETS} consecutive indexes kept in a ring,
   * bucket {@code i} at slot {@code floorMod(i, MAX_BUCKETS)}, so a range that grows downwards moves
   * nothing.
   */
  static final class BucketRange {
    private long[] counts; // null until the first value of this sign
    private long[] spare;  // downscaling writes here, then the two swap
    private int low;
    private int high;

    boolean fits(int index) {
      return counts == null || (long) Math.max(high, index) - Math.min(low, index) < MAX_BUCKETS;
    }

    /** By how much the scale must drop for the range to take {@code index}. */
    int reductionToFit(int index) {
      long from = Math.min(low, index);
      long to = Math.max(high, index);
      int reduction = 0;
      while (to - from >= MAX_BUCKETS) {
        from >>= 1;
        to >>= 1;
        reduction++;
      }
      return reduction;
    }

    void increment(int index) {
      if (counts == null) {
        counts = new long[MAX_BUCKETS];
        spare = new long[MAX_BUCKETS];
        low = high = index;
      } else {
        low = Math.min(low, index);
        high = Math.max(high, index);
      }
      counts[Math.floorMod(index, MAX_BUCKETS)]++;
    }

    /** Merges each bucket into bucket {@code index >> by}. */
    void downscale(int by) {
      if (counts == null || by == 0) {
        return;
      }
      Arrays.fill(spare, 0);
      for (int i = low; i <= high; i++) {
        spare[Math.floorMod(i >> by, MAX_BUCKETS)] += counts[Math.floorMod(i, MAX_BUCKETS)];
      }
      long[] old = counts;
      counts = spare;
      spare = old;
      low >>= by;
      high >>= by;
    }

    ExponentialHistogram.Buckets snapshot() {
      if (counts == null) {
        return ExponentialHistogram.Buckets.EMPTY;
      }
      long[] copy = new long[high - low + 1];
      for (int i = low; i <= high; i++) {
        copy[i - low] = counts[Math.floorMod(i, MAX_BUCKETS)];
      }
      return new ExponentialHistogram.Buckets(low, copy);
    }
  }
}
