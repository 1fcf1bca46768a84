package io.weft.bootstrap.metrics;

import io.weft.bootstrap.log.WeftLog;
import io.weft.bootstrap.snapshot.Attributes;
import io.weft.bootstrap.snapshot.DataPoint;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * A synchronous instrument: a descriptor plus one handle per combination of attribute values.
 *
 * <p>{@link #bind(AttributeValues)} is where all look-ups happen: one hash of the typed values and one
 * map look-up, with no allocation once the combination is known (the values come from the thread's
 * reusable {@link #values()}, numbers unboxed). The handle it returns records with no look-up and no
 * allocation, so callers that can keep it bind once per new combination. Past the series limit, new
 * combinations share one overflow handle exported with {@code otel.metric.overflow=true}, so
 * cardinality stays bounded.
 *
 * @param <H> the bound handle type
 */
public abstract sealed class Instrument<H> implements MetricSource
    permits Counter, UpDownCounter, Gauge, Histogram {

  private final MetricDescriptor descriptor;
  private final AttributeType[] types;
  private final int seriesLimit;
  private final ConcurrentHashMap<AttributeValues, H> series = new ConcurrentHashMap<>();
  private volatile H overflow;

  Instrument(MetricDescriptor descriptor, int seriesLimit) {
    this.descriptor = descriptor;
    this.seriesLimit = seriesLimit;
    this.types = descriptor.attributes().stream().map(AttributeKey::type).toArray(AttributeType[]::new);
  }

  public final MetricDescriptor descriptor() {
    return descriptor;
  }

  /**
   * This thread's reusable values for this metric, all absent: set them in key order and pass them to
   * {@link #bind(AttributeValues)} at once. Cost: a thread-local read; allocates nothing once warm
   * (a new thread allocates its instance once).
   */
  public final AttributeValues values() {
    return AttributeValues.scratch(types);
  }

  /**
   * Returns the handle for these values. Cost: one map look-up (the setters kept the hash); allocates
   * only for a new combination.
   *
   * @throws IllegalArgumentException if the values were made for another metric's keys
   */
  public final H bind(AttributeValues values) {
    if (!values.isFor(types)) {
      throw new IllegalArgumentException(descriptor.name() + " was given values made for other attribute keys");
    }
    H handle = series.get(values);
    if (handle == null) {
      handle = bindSlow(values.copy());
    }
    values.release();
    return handle;
  }

  /**
   * Returns the handle for these values, given as objects in the order of {@link
   * MetricDescriptor#attributes()}: a String, an Integer or Long, a Boolean or a Double as each key's
   * type says; null or an empty string for absent. Allocates; for set-up code and tests.
   *
   * @throws IllegalArgumentException if the number or types of the values do not fit the keys
   */
  public final H bind(Object... attributeValues) {
    return bind(checked(attributeValues));
  }

  private AttributeValues checked(Object[] attributeValues) {
    try {
      return AttributeValues.of(types, attributeValues);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(descriptor.name() + " " + descriptor.attributeKeys() + ": " + e.getMessage(), e);
    }
  }

  private H bindSlow(AttributeValues key) {
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
   * Drops the series for these values (as {@link #bind(Object...)} takes them) from future
   * collections, for a thing that ended, such as a closed connection pool. A handle already bound to
   * it still accepts records, which are no longer exported; binding the same values again starts a
   * new series.
   */
  public final void unbind(Object... attributeValues) {
    series.remove(checked(attributeValues));
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
    List<AttributeKey> keys = descriptor.attributes();
    for (Map.Entry<AttributeValues, H> e : series.entrySet()) {
      out.accept(descriptor, point(new Attributes(keys, e.getKey().toObjects()), e.getValue()));
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
