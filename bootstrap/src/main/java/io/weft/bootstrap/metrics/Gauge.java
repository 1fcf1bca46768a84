package io.weft.bootstrap.metrics;

import io.weft.bootstrap.snapshot.Attributes;
import io.weft.bootstrap.snapshot.DataPoint;
import io.weft.bootstrap.snapshot.NumberPoint;

/**
 * The last value set. For values the JVM already keeps, prefer a callback gauge, which reads the
 * value only when something collects.
 */
public final class Gauge extends Instrument<Gauge.Handle> {

  Gauge(MetricDescriptor descriptor, int seriesLimit) {
    super(descriptor, seriesLimit);
  }

  @Override
  Handle newHandle() {
    return new Handle();
  }

  @Override
  DataPoint point(Attributes attributes, Handle handle) {
    return new NumberPoint(attributes, handle.value);
  }

  /** One series of a gauge. */
  public static final class Handle {
    private volatile double value;

    Handle() {}

    /** Sets the value. Cost: one volatile write; allocates nothing. */
    public void set(double value) {
      this.value = value;
    }
  }
}
