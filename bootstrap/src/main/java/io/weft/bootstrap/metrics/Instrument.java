package io.weft.bootstrap.metrics;

import io.weft.bootstrap.log.WeftLog;
import io.weft.bootstrap.snapshot.Attributes;
import io.weft.bootstrap.snapshot.DataPoint;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * A synchronous instrument: a descriptor plus one handle per attribute-value combination.
 *
 * <p>{@link #bind} is where all look-ups happen (one map look-up and one small key allocation); the
 * handle it returns records with no look-up and no allocation, so callers bind once per new
 * combination and keep the handle. Past the series limit, new combinations share one overflow
 * handle exported with {@code otel.metric.overflow=true}, so cardinality stays bounded.
 *
 * @param <H> the bound handle type
 */
public abstract sealed class Instrument<H> implements MetricSource
    permits Counter, UpDownCounter, Gauge, Histogram {

  private final MetricDescriptor descriptor;
  private final int seriesLimit;
  private final ConcurrentHashMap<SeriesKey, H> series = new ConcurrentHashMap<>();
  private volatile H overflow;

  Instrument(MetricDescriptor descriptor, int seriesLimit) {
    this.descriptor = descriptor;
    this.seriesLimit = seriesLimit;
  }

  public final MetricDescriptor descriptor() {
    return descriptor;
  }

  /**
   * Returns the handle for these attribute values, in the order of {@link
   * MetricDescriptor#attributeKeys()}. A null value is recorded as the empty string.
   *
   * @throws IllegalArgumentException if the number of values differs from the number of keys
   */
  public final H bind(String... attributeValues) {
    int expected = descriptor.attributeKeys().size();
    if (attributeValues.length != expected) {
      throw new IllegalArgumentException(
          descriptor.name() + " takes " + expected + " attribute values " + descriptor.attributeKeys()
              + ", got " + attributeValues.length + ": " + Arrays.toString(attributeValues));
    }
    H handle = series.get(new SeriesKey(attributeValues));
    return handle != null ? handle : bindSlow(attributeValues.clone());
  }

  private H bindSlow(String[] values) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        values[i] = "";
      }
    }
    SeriesKey key = new SeriesKey(values);
    H existing = series.get(key);
    if (existing != null) {
      return existing;
    }
    if (series.size() >= seriesLimit) {
      WeftLog.warnLimited(
          "series-limit:" + descriptor.name(),
          descriptor.name() + " reached its limit of " + seriesLimit
              + " series; further attribute combinations are counted in the overflow series");
      return overflowHandle();
    }
    return series.computeIfAbsent(key, k -> newHandle());
  }

  private H overflowHandle() {
    H h = overflow;
    if (h == null) {
      synchronized (this) {
        h = overflow;
        if (h == null) {
          overflow = h = newHandle();
        }
      }
    }
    return h;
  }

  /**
   * Drops the series for these attribute values (in the order of the keys; null as empty) from
   * future collections, for a thing that ended, such as a closed connection pool. A handle already
   * bound to it still accepts records, which are no longer exported; binding the same values again
   * starts a new series.
   */
  public final void unbind(String... attributeValues) {
    String[] values = attributeValues.clone();
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        values[i] = "";
      }
    }
    series.remove(new SeriesKey(values));
  }

  /** Number of bound series, the overflow series not included. */
  public final int seriesCount() {
    return series.size();
  }

  abstract H newHandle();

  abstract DataPoint point(Attributes attributes, H handle);

  @Override
  public final String sourceName() {
    return descriptor.name();
  }

  @Override
  public final boolean asynchronous() {
    return false;
  }

  @Override
  public final List<MetricDescriptor> describe() {
    return List.of(descriptor);
  }

  @Override
  public final void collect(BiConsumer<MetricDescriptor, DataPoint> out) {
    List<String> keys = descriptor.attributeKeys();
    for (Map.Entry<SeriesKey, H> e : series.entrySet()) {
      out.accept(descriptor, point(new Attributes(keys, Arrays.asList(e.getKey().values)), e.getValue()));
    }
    H h = overflow;
    if (h != null) {
      out.accept(descriptor, point(Attributes.OVERFLOW, h));
    }
  }

  /** True if {@code other} would be the same instrument: same class, descriptor and buckets. */
  boolean sameDefinition(Instrument<?> other) {
    return getClass() == other.getClass() && descriptor.equals(other.descriptor);
  }

  /** The definition for error messages. */
  String definition() {
    return descriptor.describe();
  }
}
