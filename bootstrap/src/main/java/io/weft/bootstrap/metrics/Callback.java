package io.weft.bootstrap.metrics;

/** What a callback metric's function receives at collection: one {@code record} per series. */
public interface Callback {
  /**
   * Reports one series' current value.
   *
   * @param attributeValues values in the order of the metric's attribute keys
   * @throws IllegalArgumentException if the number of values differs from the number of keys
   */
  void record(double value, String... attributeValues);
}
