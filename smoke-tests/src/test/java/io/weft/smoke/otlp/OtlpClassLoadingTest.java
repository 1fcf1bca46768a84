package io.weft.smoke.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.smoke.harness.Jdk;
import io.weft.smoke.harness.otlp.OtlpReceiver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What OTLP costs a JVM that does not use it (not one class of the SDK) and what it must not do in one
 * that does (initialise java.util.logging, or load the SDK from anywhere but its relocated copy).
 */
class OtlpClassLoadingTest {
  private static final String SHADED_SDK = "io.weft.shaded.io.opentelemetry.";

  @TempDir
  Path logs;

  @Test
  void withoutOtlpNoClassOfTheExporterOrTheSdkIsLoaded() throws IOException {
    Path loaded = logs.resolve("classes-off.log");
    ShortLivedRun run = ShortLivedRun.withAgent(Jdk.java17(), "otlp-off-classes", Map.of(),
        "-Xlog:class+load=info:file=" + loaded);

    List<String> classes = Files.readAllLines(loaded);
    assertTrue(classes.stream().anyMatch(line -> line.contains("io.weft.agent.startup.AgentStartup ")), "log works");
    assertEquals(List.of(), classes.stream()
        .filter(line -> line.contains(SHADED_SDK) || line.contains("io.weft.agent.exporter.otlp.")).toList());
    assertEquals(ShortLivedRun.EXIT_CODE, run.exitCode());
  }

  @Test
  void withOtlpJavaUtilLoggingStaysUninitialisedAndTheSdkIsTheRelocatedOne() throws IOException {
    Path loaded = logs.resolve("classes-on.log");
    try (OtlpReceiver receiver = OtlpReceiver.http()) {
      ShortLivedRun.withAgent(Jdk.java17(), "otlp-on-classes", Map.of(
          "WEFT_EXPORTERS", "otlp",
          "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.baseUrl(),
          "OTEL_EXPORTER_OTLP_COMPRESSION", "gzip"), "-Xlog:class+load=info:file=" + loaded);
      assertEquals(1, receiver.requests().size());
    }

    List<String> classes = Files.readAllLines(loaded);
    assertTrue(classes.stream().anyMatch(line -> line.contains(SHADED_SDK + "exporter.otlp.http.metrics."
        + "OtlpHttpMetricExporter ")), "the SDK exporter was used");
    assertFalse(classes.stream().anyMatch(line -> line.contains(" io.opentelemetry.")), "unrelocated SDK classes");
    // The JVM's management beans load the LogManager class (without the agent's OTLP too); a logger or
    // the root logger would mean java.util.logging was set up.
    assertFalse(classes.stream().anyMatch(line -> line.contains("java.util.logging.Logger ")
        || line.contains("java.util.logging.LogManager$RootLogger ")), "java.util.logging was initialised");
    assertTrue(classes.stream().anyMatch(line -> line.contains("io.weft.agent.exporter.otlp.SdkLogger ")),
        "the SDK logs through Weft");
  }
}
