package io.weft.collectors.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weft.bootstrap.metrics.MetricKind;
import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.bootstrap.snapshot.RegistrySnapshot;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class ClassLoadingCollectorTest {

  private static final ClassLoadingMXBean CLASSES = ManagementFactory.getClassLoadingMXBean();

  @Test
  void loadedUnloadedAndCurrentCountsAreTheMxBeans() {
    MetricRegistry registry = MetricRegistry.pedantic();
    registry.register(new ClassLoadingCollector(CLASSES));
    Readings.assertAgrees("loaded", CLASSES::getTotalLoadedClassCount, registry, s -> Points.value(s, "jvm.class.loaded"));
    Readings.assertAgrees("unloaded", CLASSES::getUnloadedClassCount, registry, s -> Points.value(s, "jvm.class.unloaded"));
    Readings.assertAgrees("count", CLASSES::getLoadedClassCount, registry, s -> Points.value(s, "jvm.class.count"));

    RegistrySnapshot snapshot = registry.collect();
    assertEquals(MetricKind.COUNTER, snapshot.find("jvm.class.loaded").descriptor().kind());
    assertEquals(MetricKind.COUNTER, snapshot.find("jvm.class.unloaded").descriptor().kind());
    assertEquals(MetricKind.UP_DOWN_COUNTER, snapshot.find("jvm.class.count").descriptor().kind());
  }
}
