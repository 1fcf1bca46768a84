package io.weft.instrumentations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.bootstrap.metrics.MetricDescriptor;
import io.weft.bootstrap.metrics.MetricKind;
import io.weft.instrumentations.hikaricp.ConnectionPoolMetrics;
import io.weft.instrumentations.jdbc.JdbcMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/metrics.md lists exactly the metrics the JDBC and HikariCP families define, in their
 * sections, each with its kind, unit, attributes and Prometheus name.
 */
class FamilyMetricsDocTest {

  private static final Path DOC = Path.of("..", "docs", "metrics.md");

  /** The metric rows of one {@code ## heading} section: 7 cells, metric name first. */
  private static Map<String, List<String>> rows(String heading) throws IOException {
    String text = Files.readString(DOC);
    int start = text.indexOf("\n## " + heading + "\n");
    assertTrue(start >= 0, "docs/metrics.md has a section ## " + heading);
    int end = text.indexOf("\n## ", start + 1);
    Map<String, List<String>> rows = new LinkedHashMap<>();
    for (String line : text.substring(start, end < 0 ? text.length() : end).split("\n")) {
      if (!line.startsWith("| `")) {
        continue;
      }
      List<String> cells = new ArrayList<>();
      for (String cell : line.substring(1, line.length() - 1).split(" \\| ", -1)) {
        cells.add(cell.trim());
      }
      if (cells.size() == 7) {
        rows.put(cells.get(0).replace("`", ""), cells);
      }
    }
    return rows;
  }

  private static void assertDocumented(String heading, List<MetricDescriptor> defined) throws IOException {
    Map<String, List<String>> rows = rows(heading);
    for (MetricDescriptor d : defined) {
      List<String> row = rows.get(d.name());
      assertTrue(row != null, d.name() + " is not in the " + heading + " section");
      assertEquals(kind(d.kind()), row.get(1), d.name() + " kind");
      assertEquals("`" + d.unit() + "`", row.get(2), d.name() + " unit");
      assertEquals(String.join(", ", d.attributeKeys().stream().map(k -> "`" + k + "`").toList()), row.get(3),
          d.name() + " attributes");
      assertEquals("`" + prometheusName(d) + "`", row.get(6), d.name() + " Prometheus name");
    }
    assertEquals(defined.stream().map(MetricDescriptor::name).sorted().toList(), rows.keySet().stream().sorted().toList());
  }

  @Test
  void theJdbcSectionListsWhatTheJdbcFamilyDefines() throws IOException {
    assertDocumented("JDBC", JdbcMetrics.descriptors());
  }

  @Test
  void theHikariCpSectionListsWhatThePoolFamilyDefines() throws IOException {
    assertDocumented("HikariCP", ConnectionPoolMetrics.descriptors());
  }

  private static String prometheusName(MetricDescriptor d) {
    String name = d.name().replace('.', '_') + (d.unit().equals("s") ? "_seconds" : "");
    return d.kind() == MetricKind.COUNTER ? name + "_total" : name;
  }

  private static String kind(MetricKind kind) {
    return switch (kind) {
      case COUNTER -> "counter";
      case UP_DOWN_COUNTER -> "updowncounter";
      case GAUGE -> "gauge";
      case HISTOGRAM -> "histogram";
    };
  }
}
