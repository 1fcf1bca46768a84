package io.weft.bootstrap.metrics;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The counts, sum, min and max of one histogram series, readable as a consistent whole while
 * writers record.
 *
 * <p>Why: a reader that simply reads bucket counters and the sum one after another can see a record
 * that has reached its bucket but not yet the sum, or one bucket but not the count. Locking every
 * record would cost far more than the record itself. Instead, as in HdrHistogram's
 * WriterReaderPhaser, cells come in two phases; writers record into the active one and the reader
 * swaps phases, waits for the writers that were already in the old phase to finish, folds the old
 * phase into the cumulative totals and clears it.
 *
 * <p>How the reader knows that the old phase is complete: {@code starts} counts writers that began
 * (its sign bit names the active phase, its other bits the running count). Each writer adds to the
 * sum, min and max first and increments its bucket last, so the old phase is complete exactly when
 * its bucket counts add up to the number of writers that began in it. The phase swap is a single
 * {@code getAndAdd(Long.MIN_VALUE)}, which flips the sign bit and leaves the count running.
 *
 * <p>Contention: threads recording into one series at once would all hit the same few cache lines.
 * As in {@link java.util.concurrent.atomic.LongAdder}, a series starts with one stripe and, when a
 * writer's CAS on the sum fails, grows up to about twice the number of processors; a thread writes
 * to the stripe its identity hash selects. The reader drains every stripe.
 *
 * <p>Writer cost: two atomic increments and one CAS (plus a CAS for a new minimum or maximum, rare
 * once a series has seen its range), no allocation, no lock.
 */
final class HistogramCells {

  private static final long POSITIVE_INFINITY_BITS = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);
  private static final long NEGATIVE_INFINITY_BITS = Double.doubleToRawLongBits(Double.NEGATIVE_INFINITY);
  private static final int MAX_STRIPES =
      Integer.highestOneBit(Math.max(1, Runtime.getRuntime().availableProcessors()) * 2 - 1) * 2;

  private final int bucketCount;
  private volatile Stripe[] stripes;

  Stripe[] stripes() {
    return stripes;
  }

  // Reader state, guarded by this.
  private final long[] totalBuckets;
  private double totalSum;
  private double totalMin = Double.POSITIVE_INFINITY;
  private double totalMax = Double.NEGATIVE_INFINITY;

  HistogramCells(int bucketCount) {
    this.bucketCount = bucketCount;
    this.stripes = new Stripe[] {new Stripe(bucketCount)};
    this.totalBuckets = new long[bucketCount];
  }

  /** Records one observation into bucket {@code index}. Allocates nothing (unless it grows a stripe). */
  void record(int index, double value) {
    Stripe[] s = stripes;
    Stripe stripe = s.length == 1 ? s[0] : s[stripeIndex(s.length)];
    if (!stripe.record(index, value) && s.length < MAX_STRIPES) {
      grow(s);
    }
  }

  private static int stripeIndex(int length) {
    int h = System.identityHashCode(Thread.currentThread());
    return (h ^ (h >>> 16)) & (length - 1);
  }

  synchronized void grow(Stripe[] seen) {
    if (stripes == seen) {
      Stripe[] more = Arrays.copyOf(seen, seen.length * 2);
      for (int i = seen.length; i < more.length; i++) {
        more[i] = new Stripe(bucketCount);
      }
      stripes = more;
    }
  }

  /** Number of stripes; for tests. */
  int stripeCount() {
    return stripes.length;
  }

  /** A consistent cumulative view: bucket counts (copied), count, sum, min and max. */
  synchronized Totals read() {
    for (Stripe stripe : stripes) {
      stripe.drainInto(this);
    }
    long total = 0;
    for (long c : totalBuckets) {
      total += c;
    }
    return total == 0
        ? new Totals(totalBuckets.clone(), 0, totalSum, Double.NaN, Double.NaN)
        : new Totals(totalBuckets.clone(), total, totalSum, totalMin, totalMax);
  }

  /** Cumulative since the series was created; min and max are NaN while count is 0. */
  record Totals(long[] bucketCounts, long count, double sum, double min, double max) {}

  /** One set of two-phase cells. */
  static final class Stripe {
    private final AtomicLong starts = new AtomicLong();
    private final AtomicLongArray[] buckets;
    private final AtomicLong[] sumBits = {new AtomicLong(), new AtomicLong()};
    private final AtomicLong[] minBits = {new AtomicLong(POSITIVE_INFINITY_BITS), new AtomicLong(POSITIVE_INFINITY_BITS)};
    private final AtomicLong[] maxBits = {new AtomicLong(NEGATIVE_INFINITY_BITS), new AtomicLong(NEGATIVE_INFINITY_BITS)};
    private long phaseStartCount; // reader state, guarded by the owning HistogramCells

    Stripe(int bucketCount) {
      buckets = new AtomicLongArray[] {new AtomicLongArray(bucketCount), new AtomicLongArray(bucketCount)};
    }

    /** Records; returns false if another writer got in the way (a sign of contention). */
    boolean record(int index, double value) {
      int phase = (int) (starts.getAndIncrement() >>> 63);
      boolean uncontended = true;
      AtomicLong sum = sumBits[phase];
      long bits = sum.get();
      while (!sum.compareAndSet(bits, Double.doubleToRawLongBits(Double.longBitsToDouble(bits) + value))) {
        uncontended = false;
        bits = sum.get();
      }
      // Min and max: a plain read in the common case; a CAS only when the value is a new extreme.
      AtomicLong min = minBits[phase];
      while (value < Double.longBitsToDouble(bits = min.get())
          && !min.compareAndSet(bits, Double.doubleToRawLongBits(value))) {
        Thread.onSpinWait();
      }
      AtomicLong max = maxBits[phase];
      while (value > Double.longBitsToDouble(bits = max.get())
          && !max.compareAndSet(bits, Double.doubleToRawLongBits(value))) {
        Thread.onSpinWait();
      }
      buckets[phase].getAndIncrement(index);
      return uncontended;
    }

    /** Swaps phases, waits for the old phase's writers, adds it to the totals and clears it. */
    void drainInto(HistogramCells cells) {
      long before = starts.getAndAdd(Long.MIN_VALUE);
      int oldPhase = (int) (before >>> 63);
      long count = before & Long.MAX_VALUE;
      long startedInOldPhase = count - phaseStartCount;
      phaseStartCount = count;

      AtomicLongArray old = buckets[oldPhase];
      int spins = 0;
      while (sum(old) != startedInOldPhase) {
        if (++spins < 100) {
          Thread.onSpinWait();
        } else {
          Thread.yield();
        }
      }
      for (int i = 0; i < cells.totalBuckets.length; i++) {
        cells.totalBuckets[i] += old.get(i);
        old.set(i, 0);
      }
      cells.totalSum += Double.longBitsToDouble(sumBits[oldPhase].getAndSet(0));
      cells.totalMin = Math.min(cells.totalMin,
          Double.longBitsToDouble(minBits[oldPhase].getAndSet(POSITIVE_INFINITY_BITS)));
      cells.totalMax = Math.max(cells.totalMax,
          Double.longBitsToDouble(maxBits[oldPhase].getAndSet(NEGATIVE_INFINITY_BITS)));
    }

    private static long sum(AtomicLongArray a) {
      long s = 0;
      for (int i = 0; i < a.length(); i++) {
        s += a.get(i);
      }
      return s;
    }
  }
}
