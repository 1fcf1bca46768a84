package io.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.smoke.harness.BuildArtifacts;
import io.weft.smoke.harness.Demo;
import io.weft.smoke.harness.Exposition;
import io.weft.smoke.harness.ForkedJvm;
import io.weft.smoke.harness.FreePort;
import io.weft.smoke.harness.Jdk;
import io.weft.smoke.harness.OpenMetricsCheck;
import io.weft.smoke.harness.Promtool;
import io.weft.smoke.harness.Scrape;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built agent on the demo exposes every JVM and process metric family that docs/metrics.md
 * lists, in both formats, and both pass the format checks. (Container metrics depend on a cgroup
 * limit; their collectors are tested against fixture files in collectors-jvm.)
 */
class JvmMetricsSmokeTest {

  /** Prometheus family names from the JVM and Process tables of docs/metrics.md. */
  static List<String> documentedFamilies() throws IOException {
    String doc = Files.readString(Path.of(System.getProperty("weft.projectRoot", ".."), "docs", "metrics.md"));
    String sections = doc.substring(doc.indexOf("\n## JVM"), doc.indexOf("\n## Container"));
    Matcher m = Pattern.compile("(?m)^\\| `(?:jvm|process)\\.[^`]+` \\|.*\\| `([a-z0-9_]+)` \\|$").matcher(sections);
    List<String> names = new ArrayList<>();
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  static List<Jdk> jdks() {
    return List.of(Jdk.java17(), Jdk.temurin25());
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void everyDocumentedJvmAndProcessFamilyIsExposed(Jdk jdk) throws IOException, InterruptedException {
    List<String> expected = documentedFamilies();
    assertTrue(expected.size() >= 25, "parsed only " + expected);
    int metricsPort = FreePort.pick();
    try (Demo demo = Demo.start(
        ForkedJvm.on(jdk).javaagent(BuildArtifacts.agentJar())
            .jvmOption("-Xmx64m")
            .env("WEFT_PROMETHEUS_PORT", String.valueOf(metricsPort))
            .env("WEFT_INSTRUMENTATION_PROCESS_CONTEXT_SWITCHES_ENABLED", "true"),
        "jvm-metrics-" + jdk)) {
      demo.awaitAgentStarted();
      URI metrics = URI.create("http://127.0.0.1:" + metricsPort + "/metrics");
      // jvm.gc.duration appears with the first collection: load the demo until one has happened.
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      String text = Scrape.get(metrics).text();
      while (!text.contains("jvm_gc_duration_seconds_count") && System.nanoTime() < deadline) {
        for (int i = 0; i < 200; i++) {
          Scrape.get(demo.uri("/users/" + (i % 5 + 1)));
        }
        text = Scrape.get(metrics).text();
      }
      Set<String> families = new TreeSet<>(Exposition.parse(text).families().keySet());
      List<String> missing = expected.stream().filter(f -> !families.contains(f)).toList();
      assertEquals(List.of(), missing, "exposed families: " + families);
      Promtool.assertPasses(text);

      String openMetrics = Scrape.get(metrics, "Accept", "application/openmetrics-text; version=1.0.0").text();
      OpenMetricsCheck.assertValid(openMetrics);
    }
  }
}
