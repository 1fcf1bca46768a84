package io.weft.bootstrap.metrics;

import io.weft.bootstrap.snapshot.Attributes;
import io.weft.bootstrap.snapshot.DataPoint;
import io.weft.bootstrap.snapshot.NumberPoint;
import java.util.concurrent.atomic.DoubleAdder;

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
    return new NumberPoint(attributes, handle.adder.sum());
  }

  /** One series of a counter. */
  public static final class Handle {
    private final DoubleAdder adder = new DoubleAdder();

    Handle() {}

    /** Adds one. Cost: one uncontended CAS (striped under contention); allocates nothing. */
    public void inc() {
      adder.add(1.0);
    }

    /** Adds {@code amount}; negative or NaN amounts are ignored, as a counter only goes up. */
    public void add(double amount) {
      if (amount > 0) {
        adder.add(amount);
      }
    }
  }
}
