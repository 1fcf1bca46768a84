package io.weft.bootstrap.metrics;

import java.util.Arrays;

/** Attribute values as a map key; built once per {@code bind}, compared by content. */
final class SeriesKey {
  final String[] values;
  private final int hash;

  SeriesKey(String[] values) {
    this.values = values;
    this.hash = Arrays.hashCode(values);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SeriesKey other && hash == other.hash && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
