package io.weft.instrumentations.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.bootstrap.metrics.MetricDescriptor;
import io.weft.bootstrap.metrics.MetricKind;
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

/** The Executors section of docs/metrics.md lists exactly the metrics the family registers, as registered. */
class ExecutorMetricsDocTest {

  private static final Path DOC = Path.of("..", "docs", "metrics.md");

  private static Map<String, List<String>> documentedRows() throws IOException {
    String text = Files.readString(DOC);
    int start = text.indexOf("\n## Executors");
    assertTrue(start > 0, "docs/metrics.md has an Executors section");
    int end = text.indexOf("\n## ", start + 1);
    Map<String, List<String>> rows = new LinkedHashMap<>();
    for (String line : text.substring(start, end < 0 ? text.length() : end).split("\n")) {
      if (!line.startsWith("| `jvm.executor.")) {
        continue;
      }
      List<String> cells = new ArrayList<>();
      for (String cell : line.substring(1, line.length() - 1).split(" \\| ", -1)) {
        cells.add(cell.trim());
      }
      rows.put(cells.get(0).replace("`", ""), cells);
    }
    return rows;
  }

  /** Every descriptor the family registers, read back from a registry it was installed into. */
  private static List<MetricDescriptor> registered() {
    MetricRegistry registry = new MetricRegistry();
    ExecutorMetrics.install(registry).registerPoolState(registry);
    ExecutorMetrics.current().series("doc", PoolType.THREAD_POOL); // so that the instruments have a point
    List<MetricDescriptor> all = new ArrayList<>(PoolStateCollector.METRICS);
    for (MetricSnapshot m : registry.collect().metrics()) {
      if (m.descriptor().name().startsWith("jvm.executor.")) {
        all.add(m.descriptor());
      }
    }
    return all;
  }

  @Test
  void everyMetricIsDocumentedWithItsKindUnitAttributesAndPrometheusName() throws IOException {
    Map<String, List<String>> rows = documentedRows();
    List<MetricDescriptor> registered = registered();
    assertEquals(8, registered.size());
    for (MetricDescriptor d : registered) {
      List<String> row = rows.get(d.name());
      assertTrue(row != null, d.name() + " is not in " + DOC);
      assertEquals(kind(d.kind()), row.get(1), d.name() + " kind");
      assertEquals("`" + d.unit() + "`", row.get(2), d.name() + " unit");
      assertEquals("`jvm.executor.name`, `jvm.executor.type`", row.get(3), d.name() + " attributes");
      assertEquals("`" + prometheusName(d) + "`", row.get(row.size() - 1), d.name() + " Prometheus name");
    }
    assertEquals(registered.size(), rows.size(), "no documented metric is missing from the code: " + rows.keySet());
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
