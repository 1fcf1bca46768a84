package io.weft.collectors.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JvmIdentityTest {

  @Test
  void runtimeNameVersionDescriptionAndCollectorsAreThoseOfThisJvm() {
    Map<String, String> attributes = JvmIdentity.resourceAttributes();
    assertEquals(List.of("process.runtime.name", "process.runtime.version", "process.runtime.description",
        "jvm.gc.names"), List.copyOf(attributes.keySet()));
    assertEquals(System.getProperty("java.runtime.name"), attributes.get("process.runtime.name"));
    assertEquals(System.getProperty("java.runtime.version"), attributes.get("process.runtime.version"));
    assertEquals(System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
        + System.getProperty("java.vm.version"), attributes.get("process.runtime.description"));
    assertEquals(ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
        .collect(Collectors.joining(",")), attributes.get("jvm.gc.names"));
  }
}
