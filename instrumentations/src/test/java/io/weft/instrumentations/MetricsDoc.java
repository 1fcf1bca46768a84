package io.weft.instrumentations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.bootstrap.metrics.MetricDescriptor;
import io.weft.bootstrap.metrics.MetricKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metric tables of docs/metrics.md as the families' documentation tests read them: each {@code
 * ## heading} section has one table whose header starts with {@code | Metric |}; its rows are read by
 * column name, so sections with and without a Buckets column read alike.
 */
public final class MetricsDoc {

  private static final Path DOC = Path.of("..", "docs", "metrics.md");

  private MetricsDoc() {}

  /**
   * Asserts that the section lists exactly {@code defined}, each with its kind, unit, attributes and
   * Prometheus name; returns the section's rows for further checks.
   */
  public static Map<String, Map<String, String>> assertDocumented(String heading, Collection<MetricDescriptor> defined)
      throws IOException {
    Map<String, Map<String, String>> rows = rows(heading);
    for (MetricDescriptor d : defined) {
      Map<String, String> row = rows.get(d.name());
      assertTrue(row != null, d.name() + " is not in the " + heading + " section of " + DOC);
      assertEquals(kind(d.kind()), row.get("Kind"), d.name() + " kind");
      assertEquals("`" + d.unit() + "`", row.get("Unit"), d.name() + " unit");
      assertEquals(attributes(d), row.get("Attributes"), d.name() + " attributes, types and requirement levels");
      assertEquals("`" + prometheusName(d) + "`", row.get("Prometheus name"), d.name() + " Prometheus name");
    }
    assertEquals(defined.stream().map(MetricDescriptor::name).sorted().toList(),
        rows.keySet().stream().sorted().toList(), "the metrics of the " + heading + " section");
    return rows;
  }

  /**
   * The Attributes cell of a metric: each key with its type and requirement level, as the
   * conventions list them: {@code `http.route` (string, conditionally required)}; a dash for none.
   */
  public static String attributes(MetricDescriptor d) {
    if (d.attributes().isEmpty()) {
      return "—";
    }
    return String.join(", ", d.attributes().stream()
        .map(k -> "`" + k.name() + "` (" + k.type().conventionName() + ", " + k.requirement().conventionName() + ")")
        .toList());
  }

  /** The rows of the section's metric table, by metric name, each by column name. */
  public static Map<String, Map<String, String>> rows(String heading) throws IOException {
    String text = Files.readString(DOC);
    int start = text.indexOf("\n## " + heading + "\n");
    assertTrue(start >= 0, DOC + " has a section ## " + heading);
    int end = text.indexOf("\n## ", start + 1);
    List<String> lines = List.of(text.substring(start, end < 0 ? text.length() : end).split("\n"));
    int header = 0;
    while (header < lines.size() && !lines.get(header).startsWith("| Metric |")) {
      header++;
    }
    assertTrue(header < lines.size(), "the " + heading + " section has a table of metrics");
    List<String> columns = cells(lines.get(header));
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
      List<String> cells = cells(lines.get(i));
      assertEquals(columns.size(), cells.size(), lines.get(i));
      Map<String, String> row = new LinkedHashMap<>();
      for (int c = 0; c < columns.size(); c++) {
        row.put(columns.get(c), cells.get(c));
      }
      rows.put(cells.get(0).replace("`", ""), row);
    }
    return rows;
  }

  private static List<String> cells(String line) {
    List<String> cells = new ArrayList<>();
    for (String cell : line.substring(1, line.length() - 1).split(" \\| ", -1)) {
      cells.add(cell.trim());
    }
    return cells;
  }

  /** The name the Prometheus exposition gives the metric: unit suffix, then {@code _total} for counters. */
  private static String prometheusName(MetricDescriptor d) {
    String unit = switch (d.unit()) {
      case "s" -> "_seconds";
      case "By" -> "_bytes";
      default -> "";
    };
    String name = d.name().replace('.', '_') + unit;
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
