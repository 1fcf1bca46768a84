package io.weft.smoke.harness.otlp;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One series of a metric as an OTLP receiver saw it: each attribute key with the type its value was sent
 * as ({@code string}, {@code int}, {@code bool}, {@code double}, {@code array}, ...) and the value in text
 * form, so that two agents' series can be compared key by key and type by type.
 *
 * @param metric the metric's name
 * @param scope the instrumentation scope that sent it
 * @param attributes attribute key to typed value, sorted by key
 */
public record TypedSeries(String metric, String scope, Map<String, Value> attributes) {

  /** An attribute value: the OTLP {@code AnyValue} case it was sent as, and its text. */
  public record Value(String type, String text) {
    static Value of(AnyValue value) {
      return switch (value.getValueCase()) {
        case STRING_VALUE -> new Value("string", value.getStringValue());
        case INT_VALUE -> new Value("int", String.valueOf(value.getIntValue()));
        case BOOL_VALUE -> new Value("bool", String.valueOf(value.getBoolValue()));
        case DOUBLE_VALUE -> new Value("double", String.valueOf(value.getDoubleValue()));
        case ARRAY_VALUE -> new Value("array", value.getArrayValue().toString().strip());
        case KVLIST_VALUE -> new Value("kvlist", value.getKvlistValue().toString().strip());
        case BYTES_VALUE -> new Value("bytes", value.getBytesValue().toString());
        default -> new Value(value.getValueCase().name().toLowerCase(Locale.ROOT), "");
      };
    }

    /** {@code int 200}, {@code string "200"}. */
    @Override
    public String toString() {
      return type.equals("string") ? type + " \"" + text + "\"" : type + " " + text;
    }
  }

  /** The text of that attribute's value, or {@code null} when the series does not have it. */
  public String text(String key) {
    Value value = attributes.get(key);
    return value == null ? null : value.text();
  }

  /** Every data point of every metric of that name, from every resource and scope of the request. */
  public static List<TypedSeries> of(ExportMetricsServiceRequest request, String metricName) {
    List<TypedSeries> series = new ArrayList<>();
    for (ResourceMetrics resource : request.getResourceMetricsList()) {
      for (ScopeMetrics scope : resource.getScopeMetricsList()) {
        for (Metric metric : scope.getMetricsList()) {
          if (metric.getName().equals(metricName)) {
            for (List<KeyValue> attributes : OtlpMetrics.pointAttributes(metric)) {
              series.add(new TypedSeries(metricName, scope.getScope().getName(), typed(attributes)));
            }
          }
        }
      }
    }
    return series;
  }

  private static Map<String, Value> typed(List<KeyValue> attributes) {
    Map<String, Value> typed = new TreeMap<>();
    for (KeyValue kv : attributes) {
      typed.put(kv.getKey(), Value.of(kv.getValue()));
    }
    return typed;
  }

  /** {@code {http.request.method=string "GET", http.response.status_code=int 200}}. */
  @Override
  public String toString() {
    return attributes.toString();
  }
}
