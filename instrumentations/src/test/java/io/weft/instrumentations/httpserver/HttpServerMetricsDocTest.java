package io.weft.instrumentations.httpserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weft.bootstrap.metrics.MetricDescriptor;
import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.bootstrap.snapshot.MetricSnapshot;
import io.weft.instrumentations.MetricsDoc;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The HTTP server section of docs/metrics.md lists exactly the metrics {@link HttpServerMetrics}
 * registers, with their kind, unit, attributes and Prometheus name.
 */
class HttpServerMetricsDocTest {

  /** Every instrument, the optional ones included, each with one recorded request so that it is collected. */
  private static List<MetricDescriptor> registered() {
    MetricRegistry registry = new MetricRegistry();
    HttpServerMetrics metrics = HttpServerMetrics.install(registry, new HttpServerSettings(List.of(), true));
    metrics.finished(metrics.started("GET", "http"), System.nanoTime(), "GET", 200, "/x", "http", "HTTP/1.1", null,
        1, 1);
    return registry.collect().metrics().stream().map(MetricSnapshot::descriptor)
        .filter(d -> d.name().startsWith("http.server.")).toList();
  }

  @Test
  void everyMetricIsDocumentedWithKindUnitAttributesAndPrometheusName() throws IOException {
    List<MetricDescriptor> registered = registered();
    assertEquals(4, registered.size());
    MetricsDoc.assertDocumented("HTTP server", registered);
  }
}
