package io.weft.smoke.harness.otlp;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assertions;

/** Reading decoded OTLP requests: their metrics, attributes and series. */
public final class OtlpMetrics {
  private OtlpMetrics() {}

  /** Every metric of every resource and scope, in order. */
  public static List<Metric> metrics(ExportMetricsServiceRequest request) {
    List<Metric> metrics = new ArrayList<>();
    for (ResourceMetrics resource : request.getResourceMetricsList()) {
      for (ScopeMetrics scope : resource.getScopeMetricsList()) {
        metrics.addAll(scope.getMetricsList());
      }
    }
    return metrics;
  }

  /** The metric of that name, or null. */
  public static Metric find(ExportMetricsServiceRequest request, String name) {
    Metric found = null;
    for (Metric metric : metrics(request)) {
      if (metric.getName().equals(name)) {
        Assertions.assertNull(found, "two metrics named " + name);
        found = metric;
      }
    }
    return found;
  }

  /** The one resource's attributes. */
  public static Map<String, String> resource(ExportMetricsServiceRequest request) {
    Assertions.assertEquals(1, request.getResourceMetricsCount(), "resources");
    return attributes(request.getResourceMetrics(0).getResource().getAttributesList());
  }

  /** Attribute values in their text form (a boolean as true/false, a number as written). */
  public static Map<String, String> attributes(List<KeyValue> attributes) {
    Map<String, String> map = new LinkedHashMap<>();
    for (KeyValue kv : attributes) {
      map.put(kv.getKey(), text(kv.getValue()));
    }
    return map;
  }

  /** Every series as {@code name{attributes}}, to see whether two exports hold the same ones. */
  public static Set<String> series(ExportMetricsServiceRequest request) {
    Set<String> series = new LinkedHashSet<>();
    for (Metric metric : metrics(request)) {
      for (List<KeyValue> attributes : pointAttributes(metric)) {
        series.add(metric.getName() + attributes(attributes));
      }
    }
    return series;
  }

  /** The attributes of each data point of the metric. */
  public static List<List<KeyValue>> pointAttributes(Metric metric) {
    List<List<KeyValue>> all = new ArrayList<>();
    switch (metric.getDataCase()) {
      case SUM -> metric.getSum().getDataPointsList().forEach(p -> all.add(p.getAttributesList()));
      case GAUGE -> metric.getGauge().getDataPointsList().forEach(p -> all.add(p.getAttributesList()));
      case HISTOGRAM -> metric.getHistogram().getDataPointsList().forEach(p -> all.add(p.getAttributesList()));
      default -> Assertions.fail("Weft does not export " + metric.getDataCase() + ": " + metric.getName());
    }
    return all;
  }

  private static String text(AnyValue value) {
    return switch (value.getValueCase()) {
      case STRING_VALUE -> value.getStringValue();
      case BOOL_VALUE -> String.valueOf(value.getBoolValue());
      case INT_VALUE -> String.valueOf(value.getIntValue());
      case DOUBLE_VALUE -> String.valueOf(value.getDoubleValue());
      default -> value.toString();
    };
  }
}
