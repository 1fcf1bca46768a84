package io.weft.agent.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weft.agent.config.Config;
import io.weft.agent.config.LogCapture;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceDetectorTest {
  private static final ProcessFacts FACTS = new ProcessFacts(
      "/srv/orders-2.0.jar --port 8080", "build-host-7", 4242L,
      "OpenJDK Runtime Environment", "17.0.12+7", "0.3.0", "5b1a3c7e-0000-4000-8000-000000000001");

  private static Resource detect(Map<String, String> environment) {
    return ResourceDetector.detect(Config.load(Map.of(), environment), FACTS);
  }

  @Test
  void detectedAttributesInOrder() {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("service.name", "orders-2.0");
    expected.put("service.instance.id", "5b1a3c7e-0000-4000-8000-000000000001");
    expected.put("host.name", "build-host-7");
    expected.put("process.pid", "4242");
    expected.put("process.runtime.name", "OpenJDK Runtime Environment");
    expected.put("process.runtime.version", "17.0.12+7");
    expected.put("telemetry.sdk.name", "weft");
    expected.put("telemetry.sdk.language", "java");
    expected.put("telemetry.sdk.version", "0.3.0");

    Resource resource = detect(Map.of());
    assertEquals(expected, resource.attributes());
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(resource.attributes().keySet()));
  }

  @Test
  void moreDetectedAttributesSitBesideProcessOnesAndYieldToConfiguredOnes() {
    Map<String, String> jvm = new LinkedHashMap<>();
    jvm.put("process.runtime.description", "Vendor VM 17");
    jvm.put("jvm.gc.names", "G1 Young Generation,G1 Old Generation");
    Resource resource = ResourceDetector.detect(
        Config.load(Map.of(), Map.of("WEFT_RESOURCE_ATTRIBUTES", "jvm.gc.names=overridden")), FACTS, jvm);
    assertEquals("Vendor VM 17", resource.get("process.runtime.description"));
    assertEquals("overridden", resource.get("jvm.gc.names"));
    assertEquals(List.of("service.name", "service.instance.id", "host.name", "process.pid", "process.runtime.name",
            "process.runtime.version", "process.runtime.description", "jvm.gc.names", "telemetry.sdk.name",
            "telemetry.sdk.language", "telemetry.sdk.version"),
        List.copyOf(resource.attributes().keySet()));
  }

  @Test
  void weftServiceNameWins() {
    Resource resource = detect(Map.of("WEFT_SERVICE_NAME", "billing", "OTEL_SERVICE_NAME", "orders",
        "WEFT_RESOURCE_ATTRIBUTES", "service.name=from-attributes"));
    assertEquals("billing", resource.get("service.name"));
  }

  @Test
  void otelServiceNameIsNext() {
    Resource resource = detect(Map.of("OTEL_SERVICE_NAME", "orders-otel",
        "OTEL_RESOURCE_ATTRIBUTES", "service.name=from-attributes"));
    assertEquals("orders-otel", resource.get("service.name"));
  }

  @Test
  void serviceNameInResourceAttributesBeatsTheDerivedOne() {
    assertEquals("from-attributes",
        detect(Map.of("OTEL_RESOURCE_ATTRIBUTES", "service.name=from-attributes")).get("service.name"));
  }

  @Test
  void unknownServiceWhenNothingNamesIt() {
    ProcessFacts anonymous = new ProcessFacts(null, null, 1L, null, null, null, "id");
    Resource resource = ResourceDetector.detect(null, Map.of(), anonymous);

    assertEquals("unknown_service:java", resource.get("service.name"));
    assertEquals(null, resource.get("host.name"));
    assertEquals(null, resource.get("process.runtime.name"));
    assertEquals("unknown", resource.get("telemetry.sdk.version"));
  }

  @Test
  void configuredAttributesOverrideDetectedOnesAndAddTheirOwn() {
    Resource resource = detect(Map.of(
        "OTEL_RESOURCE_ATTRIBUTES", "host.name=pod-a,deployment.environment=staging",
        "WEFT_RESOURCE_ATTRIBUTES", "deployment.environment=prod,service.instance.id=orders-0"));

    assertEquals("pod-a", resource.get("host.name"));
    assertEquals("prod", resource.get("deployment.environment"));
    assertEquals("orders-0", resource.get("service.instance.id"));
  }

  @Test
  void telemetrySdkAttributesCannotBeOverridden() {
    try (LogCapture log = new LogCapture()) {
      Resource resource = detect(Map.of("WEFT_RESOURCE_ATTRIBUTES", "telemetry.sdk.name=opentelemetry,team=core"));

      assertEquals("weft", resource.get("telemetry.sdk.name"));
      assertEquals("core", resource.get("team"));
      assertEquals(List.of("[weft] WARN resource attribute telemetry.sdk.name describes the agent and cannot be set;"
          + " ignoring it"), log.lines());
    }
  }

  @Test
  void currentProcessFactsAreFilledIn() {
    ProcessFacts facts = ProcessFacts.current("9.9.9");

    assertEquals(ProcessHandle.current().pid(), facts.pid());
    assertEquals(System.getProperty("java.runtime.version"), facts.runtimeVersion());
    assertEquals(false, facts.instanceId().equals(ProcessFacts.current("9.9.9").instanceId()));
  }

  @Test
  void instanceIdsAreVersion4UuidsAndDoNotRepeat() {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = ProcessFacts.randomInstanceId(4242L, "host");
      java.util.UUID uuid = java.util.UUID.fromString(id);
      assertEquals(4, uuid.version(), id);
      assertEquals(2, uuid.variant(), id);
      assertEquals(id, uuid.toString());
      assertEquals(true, seen.add(id), id);
    }
  }
}
