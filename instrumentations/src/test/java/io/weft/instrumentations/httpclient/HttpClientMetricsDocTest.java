package io.weft.instrumentations.httpclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.bootstrap.metrics.MetricDescriptor;
import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.bootstrap.snapshot.HistogramPoint;
import io.weft.bootstrap.snapshot.MetricSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/metrics.md documents the HTTP client metric as the code registers it. */
class HttpClientMetricsDocTest {

  private static final Path DOC = Path.of("..", "docs", "metrics.md");

  @Test
  void theDocumentedRowMatchesTheRegisteredInstrument() throws IOException {
    MetricRegistry registry = new MetricRegistry();
    HttpClientMetrics.install(registry).record(System.nanoTime(), "GET", "h", 80, "http", 200, "1.1", null);
    MetricSnapshot m = registry.collect().find(HttpClientMetrics.DURATION);
    MetricDescriptor d = m.descriptor();

    String row = Files.readAllLines(DOC).stream().filter(l -> l.startsWith("| `" + d.name() + "` |")).findFirst()
        .orElseThrow(() -> new AssertionError(d.name() + " is not in " + DOC));
    List<String> cells = Arrays.stream(row.substring(1, row.length() - 1).split(" \\| ", -1)).map(String::trim)
        .toList();
    assertEquals(7, cells.size(), row);
    assertEquals("histogram", cells.get(1));
    assertEquals("`" + d.unit() + "`", cells.get(2));
    assertEquals(String.join(", ", d.attributeKeys().stream().map(k -> "`" + k + "`").toList()), cells.get(3));
    double[] documented = Arrays.stream(cells.get(4).replace("`", "").split(", ")).mapToDouble(Double::parseDouble)
        .toArray();
    assertTrue(Arrays.equals(((HistogramPoint) m.points().get(0)).bounds(), documented), cells.get(4));
    assertEquals("`http_client_request_duration_seconds`", cells.get(6));
  }
}
