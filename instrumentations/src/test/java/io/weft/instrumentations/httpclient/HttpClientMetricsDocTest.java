package io.weft.instrumentations.httpclient;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.bootstrap.snapshot.HistogramPoint;
import io.weft.bootstrap.snapshot.MetricSnapshot;
import io.weft.instrumentations.MetricsDoc;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/metrics.md documents the HTTP client metric as the code registers it, buckets included. */
class HttpClientMetricsDocTest {

  @Test
  void theDocumentedRowMatchesTheRegisteredInstrument() throws IOException {
    MetricRegistry registry = new MetricRegistry();
    HttpClientMetrics.install(registry).record(System.nanoTime(), "GET", "h", 80, "http", 200, "1.1", null);
    MetricSnapshot m = registry.collect().find(HttpClientMetrics.DURATION);

    Map<String, Map<String, String>> rows = MetricsDoc.assertDocumented("HTTP client", List.of(m.descriptor()));
    String buckets = rows.get(m.descriptor().name()).get("Buckets");
    double[] documented = Arrays.stream(buckets.replace("`", "").split(", ")).mapToDouble(Double::parseDouble)
        .toArray();
    assertArrayEquals(((HistogramPoint) m.points().get(0)).bounds(), documented, buckets);
  }
}
