package io.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.smoke.apps.JdbcWorkload;
import io.weft.smoke.harness.BuildArtifacts;
import io.weft.smoke.harness.Exposition;
import io.weft.smoke.harness.ForkedJvm;
import io.weft.smoke.harness.FreePort;
import io.weft.smoke.harness.Jdk;
import io.weft.smoke.harness.Polling;
import io.weft.smoke.harness.Scrape;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code WEFT_INSTRUMENTATION_JDBC_ENABLED=false} removes the JDBC instrumentation entirely (no
 * statement, connection or driver class is rewritten, no {@code db.client.operation.duration}),
 * and {@code WEFT_INSTRUMENTATION_HIKARICP_ENABLED=false} the pool's; each leaves the other on.
 * (Both on, the same workload is measured by {@link JdbcMetricsTest}.)
 */
class JdbcSwitchTest {
  private static final String REWRITTEN = "[weft] DEBUG instrumented ";

  /** Runs the workload on H2 with one family switched off; returns the scrape and the rewritten classes. */
  private static Exposition run(String switchedOff, List<String> rewritten) {
    int metricsPort = FreePort.pick();
    try (ForkedJvm jvm = ForkedJvm.on(Jdk.java17()).javaagent(BuildArtifacts.agentJar())
        .env("WEFT_PROMETHEUS_PORT", String.valueOf(metricsPort))
        .env("WEFT_LOG_LEVEL", "debug")
        .env(switchedOff, "false")
        .mainClassOn(System.getProperty("java.class.path"), JdbcWorkload.class.getName(), "h2")
        .start("jdbc-switch-" + switchedOff)) {
      jvm.awaitStdoutLine(Pattern.compile("^workload done$"), Polling.START);
      Scrape.awaitListening(metricsPort, Polling.SHORT);
      Exposition e = Exposition.parse(Scrape.get(URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).text());
      jvm.stderrLines().stream().filter(l -> l.startsWith(REWRITTEN)).map(l -> l.substring(REWRITTEN.length()))
          .forEach(rewritten::add);
      return e;
    }
  }

  private static boolean isJdbc(String className) {
    return className.startsWith("org.h2.") || className.startsWith("java.sql.")
        || className.startsWith("org.apache.commons.dbcp2.") || className.startsWith("com.zaxxer.hikari.pool.Proxy")
        || className.startsWith("com.zaxxer.hikari.pool.HikariProxy");
  }

  private static boolean isPool(String className) {
    return List.of("com.zaxxer.hikari.pool.HikariPool", "com.zaxxer.hikari.pool.PoolBase",
        "com.zaxxer.hikari.pool.PoolEntry").contains(className);
  }

  @Test
  void jdbcOffRewritesNoJdbcClassAndTimesNoStatementWhilePoolMetricsStay() {
    List<String> rewritten = new ArrayList<>();
    Exposition e = run("WEFT_INSTRUMENTATION_JDBC_ENABLED", rewritten);
    assertEquals(List.of(), e.samples("db_client_operation_duration_seconds_count"));
    assertEquals(List.of(), rewritten.stream().filter(JdbcSwitchTest::isJdbc).toList());
    assertEquals(3, rewritten.stream().filter(JdbcSwitchTest::isPool).count(), rewritten.toString());
    assertEquals(3.0, e.only("db_client_connection_max", "db_client_connection_pool_name", "hikari-h2").value());
  }

  @Test
  void hikaricpOffRewritesNoPoolClassAndReportsNoPoolWhileStatementsAreTimed() {
    List<String> rewritten = new ArrayList<>();
    Exposition e = run("WEFT_INSTRUMENTATION_HIKARICP_ENABLED", rewritten);
    assertEquals(List.of(), e.samples().stream().filter(s -> s.name().startsWith("db_client_connection")).toList());
    assertEquals(List.of(), rewritten.stream().filter(JdbcSwitchTest::isPool).toList());
    assertTrue(rewritten.contains("org.h2.jdbc.JdbcPreparedStatement"), rewritten.toString());
    assertEquals(5.0, e.only("db_client_operation_duration_seconds_count", "db_namespace", "hikari",
        "db_query_summary", "INSERT users").value());
  }
}
