package io.weft.smoke.harness.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SeriesShapeComparisonTest {
  private static final String METRIC = "http.client.request.duration";
  private static final List<String> MATCH = List.of("http.request.method", "http.response.status_code");

  @Test
  void sameKeysAndTypesWithOtherValuesAreNoDifference() {
    SeriesShapeComparison comparison = SeriesShapeComparison.of(METRIC,
        List.of(series("http.request.method", "string GET", "http.response.status_code", "int 200",
            "server.port", "int 40001")),
        List.of(series("http.request.method", "string GET", "http.response.status_code", "int 200",
            "server.port", "int 40002")),
        MATCH);

    assertEquals(0, comparison.differences(), comparison.report());
    assertTrue(comparison.report().contains("same keys, same types"), comparison.report());
  }

  @Test
  void reportsTypesKeysEmptyValuesAndUnmatchedSeries() {
    SeriesShapeComparison comparison = SeriesShapeComparison.of(METRIC,
        List.of(
            series("http.request.method", "string GET", "http.response.status_code", "string 200",
                "error.type", "string "),
            series("http.request.method", "string PUT", "http.response.status_code", "string 201")),
        List.of(
            series("http.request.method", "string GET", "http.response.status_code", "int 200",
                "network.protocol.name", "string http"),
            series("http.request.method", "string DELETE", "http.response.status_code", "int 204")),
        MATCH);

    String report = comparison.report();
    assertTrue(report.contains("DIFF type of http.response.status_code: Weft string \"200\", OpenTelemetry int 200"),
        report);
    assertTrue(report.contains("DIFF keys only in Weft: {error.type=string \"\"}"), report);
    assertTrue(report.contains("DIFF keys only in OpenTelemetry: {network.protocol.name=string \"http\"}"), report);
    assertTrue(report.contains("DIFF empty string in Weft: error.type=\"\""), report);
    assertTrue(report.contains("series PUT 201:\n    Weft:"), report);
    assertTrue(report.contains("DIFF only Weft has this series"), report);
    assertTrue(report.contains("DIFF only the OpenTelemetry agent has this series"), report);
    assertTrue(report.contains("keys the OpenTelemetry agent sends on some series, Weft on none: [network.protocol.name]"),
        report);
    assertEquals(6, comparison.differences(), report);
  }

  /** Keys alternating with {@code "type text"}. */
  private static TypedSeries series(String... keysAndValues) {
    Map<String, TypedSeries.Value> attributes = new TreeMap<>();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      String[] typeAndText = keysAndValues[i + 1].split(" ", 2);
      attributes.put(keysAndValues[i], new TypedSeries.Value(typeAndText[0], typeAndText[1]));
    }
    return new TypedSeries(METRIC, "test", attributes);
  }
}
