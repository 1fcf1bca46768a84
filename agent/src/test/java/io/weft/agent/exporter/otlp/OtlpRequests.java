package io.weft.agent.exporter.otlp;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;

/** What the SDK's exporter would send, decoded with the official OTLP classes. */
final class OtlpRequests {
  private OtlpRequests() {}

  /** Encodes as the exporter does and decodes with the OTLP protobuf classes. */
  static ExportMetricsServiceRequest encodeAndDecode(MetricDataConverter.Batch batch) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      int size = batch.writeRequestTo(bytes);
      Assertions.assertEquals(size, bytes.size());
      return ExportMetricsServiceRequest.parseFrom(bytes.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The one metric of that name in the request. */
  static Metric metric(ExportMetricsServiceRequest request, String name) {
    List<Metric> found = request.getResourceMetricsList().stream()
        .flatMap(r -> r.getScopeMetricsList().stream())
        .flatMap(s -> s.getMetricsList().stream())
        .filter(m -> m.getName().equals(name))
        .toList();
    Assertions.assertEquals(1, found.size(), name + " in " + request);
    return found.get(0);
  }

  /** Attributes as a map of their string forms (booleans as true/false). */
  static Map<String, String> attributes(List<KeyValue> attributes) {
    Map<String, String> map = new LinkedHashMap<>();
    for (KeyValue kv : attributes) {
      map.put(kv.getKey(), kv.getValue().hasBoolValue()
          ? String.valueOf(kv.getValue().getBoolValue()) : kv.getValue().getStringValue());
    }
    return map;
  }
}
