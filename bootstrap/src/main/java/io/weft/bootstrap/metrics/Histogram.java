package io.weft.bootstrap.metrics;

import io.weft.bootstrap.snapshot.Attributes;
import io.weft.bootstrap.snapshot.DataPoint;
import io.weft.bootstrap.snapshot.HistogramPoint;
import java.util.Arrays;

/**
 * An explicit-bucket histogram, also used as a timer.
 *
 * <pre>{@code
 * Histogram duration = registry.histogram("db.client.operation.duration").unit("s")
 *     .buckets(Buckets.DB_SECONDS).attributeKeys("db.operation.name").register();
 * Histogram.Handle select = duration.bind("SELECT");  // once
 * long start = System.nanoTime();
 * ...
 * select.recordSince(start);                           // seconds since start
 * }</pre>
 */
public final class Histogram extends Instrument<Histogram.Handle> {

  private final double[] bounds;
  private final boolean exponential;

  /** @param exponential whether each series also records base-2 exponential buckets */
  Histogram(MetricDescriptor descriptor, int seriesLimit, double[] bounds, boolean exponential) {
    super(descriptor, seriesLimit);
    this.bounds = checkBounds(descriptor.name(), bounds);
    this.exponential = exponential;
  }

  static double[] checkBounds(String name, double[] bounds) {
    double[] copy = bounds.clone();
    for (int i = 0; i < copy.length; i++) {
      if (!Double.isFinite(copy[i]) || (i > 0 && copy[i] <= copy[i - 1])) {
        throw new RegistrationException(
            "histogram " + name + " has invalid bucket bounds " + Arrays.toString(copy)
                + ": they must be finite and strictly increasing");
      }
    }
    return copy;
  }

  /** The bucket upper bounds, {@code +Inf} not included. */
  public double[] bounds() {
    return bounds.clone();
  }

  @Override
  Handle newHandle() {
    return new Handle(bounds, exponential ? new ExponentialCells() : null);
  }

  @Override
  DataPoint point(Attributes attributes, Handle handle) {
    ExponentialCells e = handle.exponential;
    if (e == null) {
      HistogramCells.Totals t = handle.cells.read();
      return new HistogramPoint(attributes, bounds, t.bucketCounts(), t.count(), t.sum(), t.min(), t.max());
    }
    ExponentialCells.Read read = e.read(handle.cells);
    HistogramCells.Totals t = read.explicit();
    return new HistogramPoint(attributes, bounds, t.bucketCounts(), t.count(), t.sum(), t.min(), t.max(),
        read.exponential());
  }

  @Override
  boolean sameDefinition(Instrument<?> other) {
    return super.sameDefinition(other) && Arrays.equals(bounds, ((Histogram) other).bounds);
  }

  @Override
  String definition() {
    return super.definition() + " buckets " + Arrays.toString(bounds);
  }

  /** One series of a histogram. */
  public static final class Handle {
    private static final double NANOS_TO_SECONDS = 1e-9;

    private final double[] bounds;
    private final HistogramCells cells;
    /** Null unless the registry records exponential histograms; fixed for the handle's life. */
    private final ExponentialCells exponential;

    Handle(double[] bounds, ExponentialCells exponential) {
      this.bounds = bounds;
      this.cells = new HistogramCells(bounds.length + 1);
      this.exponential = exponential;
    }

    /**
     * Records one observation; NaN is ignored. Cost: a binary search over the bounds, two atomic
     * increments and one CAS; allocates nothing. With exponential histograms on, add an uncontended
     * monitor and a logarithm (see {@link ExponentialCells}).
     */
    public void record(double value) {
      if (value == value) {
        ExponentialCells e = exponential;
        if (e == null) {
          cells.record(bucketIndex(value), value);
        } else {
          e.record(cells, bucketIndex(value), value);
        }
      }
    }

    /** Records the seconds elapsed since {@code startNanos}, a {@link System#nanoTime()} reading. */
    public void recordSince(long startNanos) {
      record((System.nanoTime() - startNanos) * NANOS_TO_SECONDS);
    }

    /** Index of the first bucket whose upper bound is at or above {@code value}. */
    private int bucketIndex(double value) {
      int low = 0;
      int high = bounds.length;
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (bounds[mid] < value) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      return low;
    }
  }
}
