package io.weft.bootstrap.metrics;

import io.weft.bootstrap.snapshot.Attributes;
import io.weft.bootstrap.snapshot.DataPoint;
import io.weft.bootstrap.snapshot.NumberPoint;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A counter, up-down counter or gauge whose values are read only when something collects (the
 * "Func" style): nothing is stored between collections.
 *
 * <pre>{@code
 * registry.gaugeCallback("jvm.thread.count").unit("{thread}")
 *     .register(cb -> cb.record(threads.getThreadCount()));
 * }</pre>
 */
final class CallbackMetric implements MetricSource {

  private final MetricDescriptor descriptor;
  private final Consumer<Callback> function;

  CallbackMetric(MetricDescriptor descriptor, Consumer<Callback> function) {
    if (descriptor.kind() == MetricKind.HISTOGRAM) {
      throw new RegistrationException("a histogram cannot be a callback metric: " + descriptor.name());
    }
    this.descriptor = descriptor;
    this.function = function;
  }

  MetricDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public String sourceName() {
    return descriptor.name();
  }

  @Override
  public boolean asynchronous() {
    return true;
  }

  @Override
  public List<MetricDescriptor> describe() {
    return List.of(descriptor);
  }

  @Override
  public void collect(BiConsumer<MetricDescriptor, DataPoint> out) {
    AttributeType[] types = AttributeValues.typesOf(descriptor);
    function.accept(
        (value, values) -> out.accept(descriptor, new NumberPoint(AttributeValues.attributes(descriptor, types, values), value)));
  }
}
