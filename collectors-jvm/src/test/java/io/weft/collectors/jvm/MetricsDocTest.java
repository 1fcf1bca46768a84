package io.weft.collectors.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.bootstrap.metrics.MetricDescriptor;
import io.weft.bootstrap.metrics.MetricKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/metrics.md lists exactly the metrics the collectors define, each with their kind, unit,
 * attributes (with their types and requirement levels) and the Prometheus name the OpenTelemetry-to-Prometheus rules give it.
 */
class MetricsDocTest {

  private static final Path DOC = Path.of("..", "docs", "metrics.md");

  /** The rows of the metric tables of the JVM, process and container sections, by metric name. */
  private static Map<String, List<String>> documentedRows() throws IOException {
    String text = Files.readString(DOC);
    // The collectors' sections end where the resource attributes begin; instrumentation families
    // (Executors, ...) follow and are checked by their own tests.
    int end = text.indexOf("\n## Resource attributes");
    assertTrue(end > 0, "the resource-attributes section heading is there");
    Map<String, List<String>> rows = new LinkedHashMap<>();
    for (String line : text.substring(0, end).split("\n")) {
      if (!line.startsWith("| `")) {
        continue;
      }
      List<String> cells = new ArrayList<>();
      for (String cell : line.substring(1, line.length() - 1).split(" \\| ", -1)) {
        cells.add(cell.trim());
      }
      if (cells.size() == 6) { // metric tables; the attribute and GC tables have other widths
        rows.put(unquote(cells.get(0)), cells);
      }
    }
    return rows;
  }

  @Test
  void everyMetricIsDocumentedWithItsKindUnitAttributesAndPrometheusName() throws IOException {
    Map<String, List<String>> rows = documentedRows();
    for (MetricDescriptor d : JvmCollectors.METRICS) {
      List<String> row = rows.get(d.name());
      assertTrue(row != null, d.name() + " is not in " + DOC);
      assertEquals(kind(d.kind()), row.get(1), d.name() + " kind");
      assertEquals("`" + d.unit() + "`", row.get(2), d.name() + " unit");
      // Each key with its type and requirement level, as the conventions list them.
      String attributes = d.attributes().isEmpty() ? "—"
          : String.join(", ", d.attributes().stream().map(k -> "`" + k.name() + "` (" + k.type().conventionName()
              + ", " + k.requirement().conventionName() + ")").toList());
      assertEquals(attributes, row.get(3), d.name() + " attributes, types and requirement levels");
      assertEquals("`" + prometheusName(d) + "`", row.get(5), d.name() + " Prometheus name");
    }
  }

  @Test
  void theDocumentListsNoMetricTheCodeLacks() throws IOException {
    List<String> defined = JvmCollectors.METRICS.stream().map(MetricDescriptor::name).toList();
    for (String documented : documentedRows().keySet()) {
      assertTrue(defined.contains(documented), documented + " is documented but not defined");
    }
    assertEquals(defined.size(), documentedRows().size());
  }

  @Test
  void prometheusNamesFollowTheOpenTelemetryRules() {
    assertEquals("jvm_memory_used_bytes", prometheusName(descriptor("jvm.memory.used", MetricKind.UP_DOWN_COUNTER, "By")));
    assertEquals("jvm_cpu_time_seconds_total", prometheusName(descriptor("jvm.cpu.time", MetricKind.COUNTER, "s")));
    assertEquals("jvm_class_loaded_total", prometheusName(descriptor("jvm.class.loaded", MetricKind.COUNTER, "{class}")));
    assertEquals("jvm_cpu_recent_utilization_ratio",
        prometheusName(descriptor("jvm.cpu.recent_utilization", MetricKind.GAUGE, "1")));
    assertEquals("jvm_gc_duration_seconds", prometheusName(descriptor("jvm.gc.duration", MetricKind.HISTOGRAM, "s")));
  }

  private static MetricDescriptor descriptor(String name, MetricKind kind, String unit) {
    return new MetricDescriptor(name, kind, unit, "", List.of());
  }

  /** The OpenTelemetry-to-Prometheus name for the units this module uses. */
  static String prometheusName(MetricDescriptor d) {
    String name = d.name().replace('.', '_');
    switch (d.unit()) {
      case "By" -> name += "_bytes";
      case "s" -> name += "_seconds";
      case "1" -> name += d.kind() == MetricKind.GAUGE ? "_ratio" : "";
      default -> {
        if (!d.unit().startsWith("{")) {
          throw new AssertionError("no Prometheus rule here for unit " + d.unit());
        }
      }
    }
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

  private static String unquote(String cell) {
    return cell.replace("`", "");
  }
}
