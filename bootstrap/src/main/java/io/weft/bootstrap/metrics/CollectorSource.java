package io.weft.bootstrap.metrics;

import io.weft.bootstrap.snapshot.Attributes;
import io.weft.bootstrap.snapshot.DataPoint;
import io.weft.bootstrap.snapshot.NumberPoint;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Adapts a {@link Collector} to the registry. A checked collector's description is fixed at
 * registration; in pedantic mode each emitted point is also checked against it.
 */
final class CollectorSource implements MetricSource {

  private final Collector collector;
  private final List<MetricDescriptor> described;
  private final Set<MetricDescriptor> describedSet;
  private final boolean checked;
  private final boolean pedantic;

  CollectorSource(Collector collector, boolean checked, boolean pedantic) {
    this.collector = collector;
    this.checked = checked;
    this.pedantic = pedantic;
    this.described = checked ? List.copyOf(collector.describe()) : List.of();
    this.describedSet = Set.copyOf(described);
    if (described.size() != describedSet.size()) {
      throw new RegistrationException(collector.name() + " describes the same metric twice: " + described);
    }
    for (MetricDescriptor d : described) {
      if (d.kind() == MetricKind.HISTOGRAM) {
        throw new RegistrationException(
            collector.name() + " describes histogram " + d.name() + "; collectors emit only numbers");
      }
    }
  }

  boolean isChecked() {
    return checked;
  }

  boolean owns(Collector c) {
    return collector == c;
  }

  @Override
  public String sourceName() {
    return collector.name();
  }

  @Override
  public boolean asynchronous() {
    return true;
  }

  @Override
  public List<MetricDescriptor> describe() {
    return described;
  }

  @Override
  public void collect(BiConsumer<MetricDescriptor, DataPoint> out) {
    collector.collect(
        new Collector.Output() {
          @Override
          public void point(MetricDescriptor metric, double value, Object... values) {
            check(metric);
            out.accept(metric, new NumberPoint(
                AttributeValues.attributes(metric, AttributeValues.typesOf(metric), values), value));
          }

          @Override
          public void overflowPoint(MetricDescriptor metric, double value) {
            check(metric);
            out.accept(metric, new NumberPoint(Attributes.OVERFLOW, value));
          }
        });
  }

  private void check(MetricDescriptor metric) {
    if (pedantic && checked && !describedSet.contains(metric)) {
      throw new IllegalStateException(
          collector.name() + " emitted " + metric.describe() + ", which it did not describe");
    }
    if (metric.kind() == MetricKind.HISTOGRAM) {
      throw new IllegalArgumentException(collector.name() + " emitted a histogram value for " + metric.name());
    }
  }
}
