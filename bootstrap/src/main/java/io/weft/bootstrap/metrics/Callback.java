package io.weft.bootstrap.metrics;

/** What a callback metric's function receives at collection: one {@code record} per series. */
public interface Callback {
  /**
   * Reports one series' current value.
   *
   * @param attributeValues values in the order of the metric's attribute keys, each of its key's type
   *     (String, Integer or Long, Boolean, Double); null or an empty string for absent
   * @throws IllegalArgumentException if the number or types of the values do not fit the keys
   */
  void record(double value, Object... attributeValues);
}
