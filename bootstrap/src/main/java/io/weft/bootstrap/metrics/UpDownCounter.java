package io.weft.bootstrap.metrics;

import io.weft.bootstrap.snapshot.Attributes;
import io.weft.bootstrap.snapshot.DataPoint;
import io.weft.bootstrap.snapshot.NumberPoint;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * A sum that can go down, such as requests in flight.
 *
 * <pre>{@code
 * UpDownCounter.Handle active = activeRequests.bind("GET", "http");
 * active.add(1); try { ... } finally { active.add(-1); }
 * }</pre>
 */
public final class UpDownCounter extends Instrument<UpDownCounter.Handle> {

  UpDownCounter(MetricDescriptor descriptor, int seriesLimit) {
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

  /** One series of an up-down counter. */
  public static final class Handle {
    private final DoubleAdder adder = new DoubleAdder();

    Handle() {}

    /** Adds {@code amount} (may be negative). Cost: one uncontended CAS; allocates nothing. */
    public void add(double amount) {
      adder.add(amount);
    }
  }
}
