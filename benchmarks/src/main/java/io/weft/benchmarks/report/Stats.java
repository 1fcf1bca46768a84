package io.weft.benchmarks.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Median and range of repeated measurements of one figure. */
public record Stats(double median, double min, double max, int n) {

  public static Stats of(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (v.length == 0) {
      return new Stats(Double.NaN, Double.NaN, Double.NaN, 0);
    }
    double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    return new Stats(median, v[0], v[v.length - 1], v.length);
  }

  /** {@code 12.3 (11.9–13.0)} with the given number of decimals. */
  public String format(int decimals) {
    if (n == 0) {
      return "n/a";
    }
    String f = "%." + decimals + "f";
    return String.format(Locale.ROOT, f + " (" + f + "–" + f + ")", median, min, max);
  }

  @Override
  public String toString() {
    return format(2) + " n=" + n + " " + Arrays.toString(new double[] {median, min, max});
  }
}
