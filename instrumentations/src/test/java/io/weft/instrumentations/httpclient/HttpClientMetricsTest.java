package io.weft.instrumentations.httpclient;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weft.bootstrap.metrics.MetricDescriptor;
import io.weft.bootstrap.metrics.MetricKind;
import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.bootstrap.snapshot.HistogramPoint;
import io.weft.bootstrap.snapshot.MetricSnapshot;
import java.net.ConnectException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpClientMetricsTest {

  @Test
  void theInstrumentIsTheSemanticConventionOne() {
    MetricRegistry registry = new MetricRegistry();
    HttpClientMetrics.install(registry).record(System.nanoTime(), "GET", "example.com", 443, "https", 200, "2", null);
    MetricSnapshot m = registry.collect().find("http.client.request.duration");
    MetricDescriptor d = m.descriptor();
    assertEquals(MetricKind.HISTOGRAM, d.kind());
    assertEquals("s", d.unit());
    assertEquals(List.of("http.request.method", "http.response.status_code", "server.address", "server.port",
        "network.protocol.version", "error.type"), d.attributeKeys());
    assertEquals(List.of(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0),
        java.util.Arrays.stream(((HistogramPoint) m.points().get(0)).bounds()).boxed().toList());
  }

  @Test
  void responsesAndFailuresGetTheirAttributes() {
    MetricRegistry registry = new MetricRegistry();
    HttpClientMetrics metrics = HttpClientMetrics.install(registry);
    long start = System.nanoTime();
    metrics.record(start, "GET", "example.com", -1, "https", 200, "2", null);
    metrics.record(start, "POST", "[::1]", 8080, "http", 404, "1.1", null);
    metrics.record(start, "PURGE", "api.example.com", -1, "http", 503, "1.1", null);
    // No response: no status, no version, the exception's class.
    metrics.record(start, "GET", "down.example.com", 81, "http", -1, "1.1", new ConnectException("refused"));
    assertEquals(Map.of(
            "GET 200 example.com 443 2 -", 1L,
            "POST 404 ::1 8080 1.1 404", 1L,
            "_OTHER 503 api.example.com 80 1.1 503", 1L,
            "GET - down.example.com 81 - java.net.ConnectException", 1L),
        Recorded.counts(registry));
  }

  @Test
  void manyHostsAreBoundedByTheSeriesLimit() {
    MetricRegistry registry = new MetricRegistry(false, 3);
    HttpClientMetrics metrics = HttpClientMetrics.install(registry);
    for (int i = 0; i < 10; i++) {
      metrics.record(System.nanoTime(), "GET", "host" + i + ".example.com", 443, "https", 200, "1.1", null);
    }
    MetricSnapshot m = registry.collect().find("http.client.request.duration");
    assertEquals(4, m.points().size());
    HistogramPoint overflow = (HistogramPoint) m.points().stream()
        .filter(p -> "true".equals(p.attributes().get("otel.metric.overflow"))).findFirst().orElseThrow();
    assertEquals(7, overflow.count());
  }
}
