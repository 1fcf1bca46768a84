package io.weft.bootstrap.snapshot;

import io.weft.bootstrap.metrics.AttributeKey;
import io.weft.bootstrap.metrics.AttributeType;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * The attributes of one data point: the metric's declared keys, in order, and a typed value for each
 * (String, Long, Boolean or Double), or null where the attribute is absent. Exporters leave absent
 * attributes out; two points that differ only in whether an attribute is present are two series.
 *
 * <p>The one exception to "keys as declared" is the overflow series, which replaces all declared
 * attributes with {@code otel.metric.overflow=true} once a metric has reached its series limit.
 */
public final class Attributes {

  public static final Attributes OVERFLOW =
      new Attributes(List.of(AttributeKey.booleanKey("otel.metric.overflow")), new Object[] {Boolean.TRUE});

  public static final Attributes EMPTY = new Attributes(List.of(), new Object[0]);

  private final List<AttributeKey> keys;
  private final Object[] values;

  /**
   * @param values one per key, of the key's type (Long for int keys), null where absent; not copied,
   *     so the caller hands it over
   */
  public Attributes(List<AttributeKey> keys, Object[] values) {
    this.keys = List.copyOf(keys);
    this.values = values;
    if (this.keys.size() != values.length) {
      throw new IllegalArgumentException(keys + " has " + keys.size() + " keys but " + Arrays.toString(values));
    }
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null && !fits(this.keys.get(i).type(), values[i])) {
        throw new IllegalArgumentException(keys.get(i) + " cannot hold " + values[i].getClass().getSimpleName());
      }
    }
  }

  /** String attributes from alternating names and values, for tests and resource-like data. */
  public static Attributes ofStrings(String... namesAndValues) {
    String[] names = new String[namesAndValues.length / 2];
    Object[] values = new Object[names.length];
    for (int i = 0; i < names.length; i++) {
      names[i] = namesAndValues[2 * i];
      values[i] = namesAndValues[2 * i + 1];
    }
    return new Attributes(AttributeKey.strings(names), values);
  }

  private static boolean fits(AttributeType type, Object value) {
    return switch (type) {
      case STRING -> value instanceof String;
      case LONG -> value instanceof Long;
      case BOOLEAN -> value instanceof Boolean;
      case DOUBLE -> value instanceof Double;
    };
  }

  /** The declared keys, absent ones included. */
  public List<AttributeKey> keys() {
    return keys;
  }

  /** The values in key order, null where absent. */
  public List<Object> values() {
    return Collections.unmodifiableList(Arrays.asList(values));
  }

  /** Number of declared keys, absent ones included. */
  public int size() {
    return values.length;
  }

  /** Value {@code i}, or null when absent. */
  public Object value(int i) {
    return values[i];
  }

  /** The value of the key with this name, or null when absent or not a key. */
  public Object value(String name) {
    for (int i = 0; i < values.length; i++) {
      if (keys.get(i).name().equals(name)) {
        return values[i];
      }
    }
    return null;
  }

  /** The value of the key with this name as a label writes it, or null when absent or not a key. */
  public String get(String name) {
    Object v = value(name);
    return v == null ? null : AttributeType.text(v);
  }

  /** Calls {@code action} for each present attribute, in key order. */
  public void forEachPresent(BiConsumer<AttributeKey, Object> action) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        action.accept(keys.get(i), values[i]);
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Attributes other && keys.equals(other.keys) && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(keys, Arrays.hashCode(values));
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("{");
    forEachPresent((k, v) -> b.append(b.length() > 1 ? ", " : "").append(k.name()).append('=').append(v));
    return b.append('}').toString();
  }
}
