package io.weft.collectors.jvm;

import io.weft.bootstrap.snapshot.Attributes;
import io.weft.bootstrap.snapshot.DataPoint;
import io.weft.bootstrap.snapshot.HistogramPoint;
import io.weft.bootstrap.snapshot.MetricSnapshot;
import io.weft.bootstrap.snapshot.NumberPoint;
import io.weft.bootstrap.snapshot.RegistrySnapshot;
import java.util.ArrayList;
import java.util.List;

/** Reads values out of a collected snapshot, by metric name and attribute values. */
public final class Points {
  private Points() {}

  /** The number points of a metric; empty if the metric is absent. */
  public static List<NumberPoint> numbers(RegistrySnapshot snapshot, String metric) {
    List<NumberPoint> points = new ArrayList<>();
    MetricSnapshot m = snapshot.find(metric);
    if (m != null) {
      for (DataPoint p : m.points()) {
        points.add((NumberPoint) p);
      }
    }
    return points;
  }

  /** The histogram points of a metric; empty if the metric is absent. */
  public static List<HistogramPoint> histograms(RegistrySnapshot snapshot, String metric) {
    List<HistogramPoint> points = new ArrayList<>();
    MetricSnapshot m = snapshot.find(metric);
    if (m != null) {
      for (DataPoint p : m.points()) {
        points.add((HistogramPoint) p);
      }
    }
    return points;
  }

  /** The value of the one point whose attributes are exactly {@code keyValues} (k1, v1, k2, v2...). */
  public static double value(RegistrySnapshot snapshot, String metric, String... keyValues) {
    NumberPoint p = find(snapshot, metric, keyValues);
    if (p == null) {
      throw new AssertionError("no point " + metric + " " + List.of(keyValues) + " in " + numbers(snapshot, metric));
    }
    return p.value();
  }

  /** The point with exactly these attributes, or null. */
  public static NumberPoint find(RegistrySnapshot snapshot, String metric, String... keyValues) {
    for (NumberPoint p : numbers(snapshot, metric)) {
      if (matches(p.attributes(), keyValues)) {
        return p;
      }
    }
    return null;
  }

  /** The value of the point with these attributes, or 0 if there is none (for counts by state). */
  public static double valueOrZero(RegistrySnapshot snapshot, String metric, String... keyValues) {
    NumberPoint p = find(snapshot, metric, keyValues);
    return p == null ? 0 : p.value();
  }

  public static double sum(RegistrySnapshot snapshot, String metric) {
    double sum = 0;
    for (NumberPoint p : numbers(snapshot, metric)) {
      sum += p.value();
    }
    return sum;
  }

  public static boolean matches(Attributes attributes, String... keyValues) {
    if (attributes.size() * 2 != keyValues.length) {
      return false;
    }
    for (int i = 0; i < keyValues.length; i += 2) {
      if (!keyValues[i + 1].equals(attributes.get(keyValues[i]))) {
        return false;
      }
    }
    return true;
  }
}
