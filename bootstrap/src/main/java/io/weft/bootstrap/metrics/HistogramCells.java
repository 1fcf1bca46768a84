package io.weft.bootstrap.metrics;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The counts and sum of one histogram series, readable as a consistent whole while writers record.
 *
 * <p>Why: a reader that simply reads bucket counters and the sum one after another can see a record
 * that has reached its bucket but not yet the sum, or one bucket but not the count. Locking every
 * record would cost far more than the record itself. Instead, as in HdrHistogram's
 * WriterReaderPhaser, there are two phases of cells; writers record into the active one and the
 * reader swaps phases, waits for the writers that were already in the old phase to finish, folds the
 * old phase into the cumulative totals and clears it.
 *
 * <p>How the reader knows that the old phase is complete: {@code starts} counts writers that began
 * (its sign bit names the active phase, its other bits the running count). Each writer adds to the
 * sum first and increments its bucket last, so the old phase is complete exactly when its bucket
 * counts add up to the number of writers that began in it. The phase swap is a single {@code
 * getAndAdd(Long.MIN_VALUE)}, which flips the sign bit and leaves the count running.
 *
 * <p>Writer cost: two atomic increments and one CAS (plus a CAS for a new minimum or maximum, rare
 * once a series has seen its range), no allocation, no lock. Readers are serialized
 * on this object and may spin briefly while a writer is mid-record.
 */
final class HistogramCells {

  private static final long POSITIVE_INFINITY_BITS = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);
  private static final long NEGATIVE_INFINITY_BITS = Double.doubleToRawLongBits(Double.NEGATIVE_INFINITY);

  private final AtomicLong starts = new AtomicLong();
  private final AtomicLongArray[] buckets;
  private final AtomicLong[] sumBits;
  private final AtomicLong[] minBits;
  private final AtomicLong[] maxBits;

  // Reader state, guarded by this.
  private long phaseStartCount;
  private final long[] totalBuckets;
  private double totalSum;
  private double totalMin = Double.POSITIVE_INFINITY;
  private double totalMax = Double.NEGATIVE_INFINITY;

  HistogramCells(int bucketCount) {
    buckets = new AtomicLongArray[] {new AtomicLongArray(bucketCount), new AtomicLongArray(bucketCount)};
    sumBits = new AtomicLong[] {new AtomicLong(), new AtomicLong()};
    minBits = new AtomicLong[] {new AtomicLong(POSITIVE_INFINITY_BITS), new AtomicLong(POSITIVE_INFINITY_BITS)};
    maxBits = new AtomicLong[] {new AtomicLong(NEGATIVE_INFINITY_BITS), new AtomicLong(NEGATIVE_INFINITY_BITS)};
    totalBuckets = new long[bucketCount];
  }

  /** Records one observation into bucket {@code index}. Allocates nothing. */
  void record(int index, double value) {
    int phase = (int) (starts.getAndIncrement() >>> 63);
    AtomicLong sum = sumBits[phase];
    long bits;
    do {
      bits = sum.get();
    } while (!sum.compareAndSet(
        bits, Double.doubleToRawLongBits(Double.longBitsToDouble(bits) + value)));
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
  }

  /** A consistent cumulative view: bucket counts (copied) and sum. */
  synchronized Totals read() {
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
    for (int i = 0; i < totalBuckets.length; i++) {
      totalBuckets[i] += old.get(i);
      old.set(i, 0);
    }
    totalSum += Double.longBitsToDouble(sumBits[oldPhase].getAndSet(0));
    totalMin = Math.min(totalMin, Double.longBitsToDouble(minBits[oldPhase].getAndSet(POSITIVE_INFINITY_BITS)));
    totalMax = Math.max(totalMax, Double.longBitsToDouble(maxBits[oldPhase].getAndSet(NEGATIVE_INFINITY_BITS)));
    long total = 0;
    for (long c : totalBuckets) {
      total += c;
    }
    return total == 0
        ? new Totals(totalBuckets.clone(), 0, totalSum, Double.NaN, Double.NaN)
        : new Totals(totalBuckets.clone(), total, totalSum, totalMin, totalMax);
  }

  private static long sum(AtomicLongArray a) {
    long s = 0;
    for (int i = 0; i < a.length(); i++) {
      s += a.get(i);
    }
    return s;
  }

  /** Cumulative since the series was created; min and max are NaN while count is 0. */
  record Totals(long[] bucketCounts, long count, double sum, double min, double max) {}
}
