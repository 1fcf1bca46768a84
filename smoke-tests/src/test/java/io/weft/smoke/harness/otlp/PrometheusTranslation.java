package io.weft.smoke.harness.otlp;

import io.opentelemetry.proto.metrics.v1.Metric;
import org.junit.jupiter.api.Assertions;

/**
 * What the Prometheus endpoint should call an OTLP metric, per the OpenTelemetry-to-Prometheus rules
 * for the units Weft's metrics use: written out independently of the agent's own translator, so that
 * comparing the two exporters tests both. An unknown unit fails, to be added here deliberately.
 */
public final class PrometheusTranslation {
  private PrometheusTranslation() {}

  /** The family name in the text format: {@code jvm_memory_used_bytes}, {@code weft_scrape_requests_total}. */
  public static String family(Metric metric) {
    String base = sanitize(metric.getName(), "[^a-zA-Z0-9_:]");
    String word = unitWord(metric);
    if (!word.isEmpty() && !base.endsWith("_" + word)) {
      base = base + "_" + word;
    }
    return isCounter(metric) ? base + "_total" : base;
  }

  /** The Prometheus type: counter, gauge (also for up-down counters) or histogram. */
  public static String type(Metric metric) {
    return switch (metric.getDataCase()) {
      case SUM -> metric.getSum().getIsMonotonic() ? "counter" : "gauge";
      case GAUGE -> "gauge";
      case HISTOGRAM -> "histogram";
      default -> Assertions.fail("unexpected " + metric.getDataCase());
    };
  }

  /** The label name of an attribute key. */
  public static String label(String key) {
    return sanitize(key, "[^a-zA-Z0-9_]");
  }

  private static boolean isCounter(Metric metric) {
    return metric.getDataCase() == Metric.DataCase.SUM && metric.getSum().getIsMonotonic();
  }

  private static String unitWord(Metric metric) {
    String unit = metric.getUnit();
    if (unit.isEmpty() || unit.matches("\\{[^}]*}")) {
      return "";
    }
    return switch (unit) {
      case "s" -> "seconds";
      case "By" -> "bytes";
      case "1" -> metric.getDataCase() == Metric.DataCase.GAUGE ? "ratio" : "";
      default -> Assertions.fail("unit " + unit + " of " + metric.getName() + " is not known to this test");
    };
  }

  private static String sanitize(String name, String invalid) {
    return name.replaceAll(invalid, "_").replaceAll("__+", "_");
  }
}
