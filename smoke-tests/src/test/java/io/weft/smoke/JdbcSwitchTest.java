package io.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weft.smoke.apps.JdbcWorkload;
import io.weft.smoke.harness.BuildArtifacts;
import io.weft.smoke.harness.Exposition;
import io.weft.smoke.harness.ForkedJvm;
import io.weft.smoke.harness.FreePort;
import io.weft.smoke.harness.Jdk;
import io.weft.smoke.harness.Polling;
import io.weft.smoke.harness.Scrape;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code WEFT_INSTRUMENTATION_JDBC_ENABLED=false} and {@code WEFT_INSTRUMENTATION_HIKARICP_ENABLED=false}
 * remove the JDBC and pool instrumentation entirely: no class is rewritten, no metric appears.
 * (Enabled, the same workload is measured by {@link JdbcMetricsTest}.)
 */
class JdbcSwitchTest {

  @Test
  void disabledRewritesNoJdbcOrPoolClassAndExposesNoDatabaseMetric() {
    int metricsPort = FreePort.pick();
    try (ForkedJvm jvm = ForkedJvm.on(Jdk.java17()).javaagent(BuildArtifacts.agentJar())
        .env("WEFT_PROMETHEUS_PORT", String.valueOf(metricsPort))
        .env("WEFT_LOG_LEVEL", "debug")
        .env("WEFT_INSTRUMENTATION_JDBC_ENABLED", "false")
        .env("WEFT_INSTRUMENTATION_HIKARICP_ENABLED", "false")
        .mainClass(System.getProperty("java.class.path"), JdbcWorkload.class.getName(), "h2")
        .start("jdbc-disabled")) {
      jvm.awaitStdoutLine(Pattern.compile("^workload done$"), Polling.START);
      Scrape.awaitListening(metricsPort, Polling.SHORT);
      Exposition e = Exposition.parse(Scrape.get(URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).text());
      assertEquals(List.of(), e.samples().stream().filter(s -> s.name().startsWith("db_")).toList());
      // The agent's own scrape endpoint still rewrites the JDK HttpServer; nothing of JDBC's or the pools'.
      assertEquals(List.of(), jvm.stderrLines().stream().filter(l -> l.startsWith("[weft] DEBUG instrumented ")
          && !l.contains("com.sun.net.httpserver")).toList());
    }
  }
}
