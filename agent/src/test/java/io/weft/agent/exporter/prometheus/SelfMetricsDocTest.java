package io.weft.agent.exporter.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.bootstrap.metrics.MetricDescriptor;
import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.bootstrap.snapshot.MetricSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The "Weft self-metrics" table of docs/metrics.md lists exactly the agent's own metrics, each with
 * its kind, unit, and attributes with their types and requirement levels.
 */
class SelfMetricsDocTest {

  private static final Path DOC = Path.of("..", "docs", "metrics.md");

  @Test
  void theSelfMetricsTableListsWhatTheAgentRegisters() throws IOException {
    MetricRegistry registry = new MetricRegistry();
    ScrapeMetrics.register(registry);
    registry.gaugeCallback("app.failing").register(cb -> {
      throw new IllegalStateException("a failing callback, so that weft.collection.errors has a point");
    });
    registry.collect();
    Map<String, String> defined = new TreeMap<>();
    for (MetricSnapshot m : registry.collect().metrics()) {
      MetricDescriptor d = m.descriptor();
      if (d.name().startsWith("weft.")) {
        defined.put(d.name(), kind(d) + " | `" + d.unit() + "` | " + attributes(d));
      }
    }
    assertEquals(defined, documented());
  }

  private static String kind(MetricDescriptor d) {
    return d.kind().name().toLowerCase().replace("_", "");
  }

  private static String attributes(MetricDescriptor d) {
    if (d.attributes().isEmpty()) {
      return "—";
    }
    List<String> cells = new ArrayList<>();
    d.attributes().forEach(k -> cells.add("`" + k.name() + "` (" + k.type().conventionName() + ", "
        + k.requirement().conventionName() + ")"));
    return String.join(", ", cells);
  }

  /** Metric name -> "kind | unit | attributes" from the section's table. */
  private static Map<String, String> documented() throws IOException {
    String text = Files.readString(DOC);
    int start = text.indexOf("\n## Weft self-metrics\n");
    assertTrue(start >= 0, DOC + " has a Weft self-metrics section");
    int end = text.indexOf("\n## ", start + 1);
    Map<String, String> rows = new TreeMap<>();
    for (String line : text.substring(start, end).split("\n")) {
      if (line.startsWith("| `weft.")) {
        String[] cells = line.substring(1, line.length() - 1).split(" \\| ");
        rows.put(cells[0].trim().replace("`", ""), cells[1].trim() + " | " + cells[2].trim() + " | " + cells[3].trim());
      }
    }
    return rows;
  }
}
