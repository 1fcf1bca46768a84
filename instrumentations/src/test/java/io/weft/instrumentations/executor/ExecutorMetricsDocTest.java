package io.weft.instrumentations.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weft.bootstrap.metrics.MetricDescriptor;
import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.bootstrap.snapshot.MetricSnapshot;
import io.weft.instrumentations.MetricsDoc;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Executors section of docs/metrics.md lists exactly the metrics the family registers, as registered. */
class ExecutorMetricsDocTest {

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
    List<MetricDescriptor> registered = registered();
    assertEquals(8, registered.size());
    for (MetricDescriptor d : registered) {
      assertEquals(List.of("jvm.executor.name", "jvm.executor.type"), d.attributeKeys(), d.name());
    }
    MetricsDoc.assertDocumented("Executors", registered);
  }
}
