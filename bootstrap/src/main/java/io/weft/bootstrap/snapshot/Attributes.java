package io.weft.bootstrap.snapshot;

import java.util.List;

/**
 * The attribute keys and values of one data point, in the metric's declared key order.
 *
 * <p>The one exception to "keys as declared" is the overflow series, which replaces all declared
 * attributes with {@code otel.metric.overflow=true} once a metric has reached its series limit.
 */
public record Attributes(List<String> keys, List<String> values) {

  public static final Attributes OVERFLOW =
      new Attributes(List.of("otel.metric.overflow"), List.of("true"));

  public Attributes {
    keys = List.copyOf(keys);
    values = List.copyOf(values);
    if (keys.size() != values.size()) {
      throw new IllegalArgumentException(keys + " has " + keys.size() + " keys but " + values);
    }
  }

  public int size() {
    return keys.size();
  }

  public String get(String key) {
    int i = keys.indexOf(key);
    return i < 0 ? null : values.get(i);
  }
}
