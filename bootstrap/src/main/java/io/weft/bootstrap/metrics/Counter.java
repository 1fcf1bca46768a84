package io.weft.bootstrap.metrics;

import io.weft.bootstrap.snapshot.Attributes;
import io.weft.bootstrap.snapshot.DataPoint;
import io.weft.bootstrap.snapshot.NumberPoint;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * A monotonic sum.
 *
 * <pre>{@code
 * Counter rejected = registry.counter("jvm.executor.task.rejected").unit("{task}")
 *     .attributeKeys("jvm.executor.name").register();
 * Counter.Handle h = rejected.bind("http-pool");   // once
 * h.inc();                                          // per event
 * }</pre>
 */
public final class Counter extends Instrument<Counter.Handle> {

  Counter(MetricDescriptor descriptor, int seriesLimit) {
    super(descriptor, seriesLimit);
  }

  @Override
  Handle newHandle() {
    return new Handle();
  }

  @Override
  DataPoint point(Attributes attributes, Handle handle) {
    return new NumberPoint(attributes, handle.value());
  }

  /** One series of a counter. */
  public static final class Handle {
    // Whole increments (the common case) take the cheaper integer path; fractions the double one.
    private final LongAdder whole = new LongAdder();
    private final DoubleAdder fractional = new DoubleAdder();

    Handle() {}

    /** Adds one. Cost: one uncontended CAS (striped under contention); allocates nothing. */
    public void inc() {
      whole.increment();
    }

    /** Adds {@code amount}; negative amounts are ignored, as a counter only goes up. */
    public void add(long amount) {
      if (amount > 0) {
        whole.add(amount);
      }
    }

    /** Adds {@code amount}; negative or NaN amounts are ignored, as a counter only goes up. */
    public void add(double amount) {
      if (amount > 0) {
        fractional.add(amount);
      }
    }

    double value() {
      return whole.sum() + fractional.sum();
    }
  }
}
