package io.weft.instrumentations.httpserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.bootstrap.metrics.MetricDescriptor;
import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.bootstrap.snapshot.MetricSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The HTTP server section of docs/metrics.md lists exactly the metrics {@link HttpServerMetrics}
 * registers, with their kind, unit, attributes and Prometheus name.
 */
class HttpServerMetricsDocTest {

  private static final Path DOC = Path.of("..", "docs", "metrics.md");

  /** The rows of the HTTP server table, by metric name: metric, kind, unit, attributes, buckets, measured, Prometheus name. */
  private static Map<String, List<String>> documentedRows() throws IOException {
    String text = Files.readString(DOC);
    int start = text.indexOf("\n## HTTP server\n");
    assertTrue(start > 0, "docs/metrics.md has an HTTP server section");
    int end = text.indexOf("\n## ", start + 1);
    Map<String, List<String>> rows = new LinkedHashMap<>();
    for (String line : text.substring(start, end).split("\n")) {
      if (line.startsWith("| `")) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.substring(1, line.length() - 1).split(" \\| ", -1)) {
          cells.add(cell.trim());
        }
        rows.put(cells.get(0).replace("`", ""), cells);
      }
    }
    return rows;
  }

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
    Map<String, List<String>> rows = documentedRows();
    List<MetricDescriptor> registered = registered();
    assertEquals(4, registered.size());
    for (MetricDescriptor d : registered) {
      List<String> row = rows.get(d.name());
      assertTrue(row != null, d.name() + " is not in the HTTP server section of " + DOC);
      assertEquals(7, row.size(), d.name());
      String kind = switch (d.kind()) {
        case HISTOGRAM -> "histogram";
        case UP_DOWN_COUNTER -> "updowncounter";
        default -> d.kind().toString();
      };
      assertEquals(kind, row.get(1), d.name() + " kind");
      assertEquals("`" + d.unit() + "`", row.get(2), d.name() + " unit");
      assertEquals(String.join(", ", d.attributeKeys().stream().map(k -> "`" + k + "`").toList()), row.get(3),
          d.name() + " attributes");
      String suffix = d.unit().equals("s") ? "_seconds" : d.unit().equals("By") ? "_bytes" : "";
      assertEquals("`" + d.name().replace('.', '_') + suffix + "`", row.get(6), d.name() + " Prometheus name");
    }
    assertEquals(registered.size(), rows.size(), "no row for a metric the code lacks: " + rows.keySet());
  }
}
