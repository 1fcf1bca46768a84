package io.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.smoke.apps.JdbcWorkload;
import io.weft.smoke.harness.BuildArtifacts;
import io.weft.smoke.harness.Exposition;
import io.weft.smoke.harness.ForkedJvm;
import io.weft.smoke.harness.FreePort;
import io.weft.smoke.harness.Jdk;
import io.weft.smoke.harness.Polling;
import io.weft.smoke.harness.PostgresServer;
import io.weft.smoke.harness.Promtool;
import io.weft.smoke.harness.Requirement;
import io.weft.smoke.harness.Sample;
import io.weft.smoke.harness.Scrape;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * JDBC and HikariCP metrics through the built agent: {@link JdbcWorkload} runs its script on H2 (in
 * memory), SQLite and a throw-away PostgreSQL server, each directly, through HikariCP and through
 * DBCP2, in one forked JVM; every count read from {@code /metrics} is exact. The pools' statements
 * counting exactly once proves there is no double counting.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcMetricsTest {
  private static final String DURATION = "db_client_operation_duration_seconds";
  private static final List<String> MODES = List.of("direct", "hikari", "dbcp2");
  /** Executions per run of the script (see {@link JdbcWorkload#script}). */
  private static final int PER_SCRIPT = 23;

  private PostgresServer postgres;
  private Path sqliteDirectory;
  private ForkedJvm jvm;
  private int metricsPort;

  abstract Jdk jdk();

  @BeforeAll
  void runWorkload() throws IOException {
    if (PostgresServer.installed() || Requirement.onCi()) {
      postgres = PostgresServer.start("jdbc-" + jdk());
    }
    sqliteDirectory = Files.createTempDirectory("weft-sqlite-");
    metricsPort = FreePort.pick();
    List<String> targets = new ArrayList<>(List.of("h2", "sqlite:" + sqliteDirectory));
    if (postgres != null) {
      targets.add("postgresql:" + postgres.jdbcUrl("postgres"));
    }
    jvm = ForkedJvm.on(jdk()).javaagent(BuildArtifacts.agentJar())
        .env("WEFT_PROMETHEUS_PORT", String.valueOf(metricsPort))
        .env("WEFT_LOG_LEVEL", "debug")
        .mainClassOn(System.getProperty("java.class.path"), JdbcWorkload.class.getName(), targets.toArray(new String[0]))
        .start("jdbc-" + jdk());
    jvm.awaitStdoutLine(Pattern.compile("^workload done$"), Polling.START.multipliedBy(3));
    Scrape.awaitListening(metricsPort, Polling.SHORT);
  }

  @AfterAll
  void stop() throws IOException {
    if (jvm != null) {
      jvm.close();
    }
    if (postgres != null) {
      postgres.close();
    }
    if (sqliteDirectory != null) {
      try (Stream<Path> files = Files.walk(sqliteDirectory)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private Exposition scrape() {
    Scrape.Response r = Scrape.get(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"));
    assertEquals(200, r.status());
    Promtool.assertPasses(r.text());
    return Exposition.parse(r.text());
  }

  private static double count(Exposition e, String system, String namespace, String summary, String errorType) {
    return e.valueOrZero(DURATION + "_count", "db_system_name", system, "db_namespace", namespace,
        "db_query_summary", summary,
        "error_type", errorType);
  }

  /** The script's successful operations, each counted once, in every mode. */
  private void assertScriptCounts(Exposition e, String system, String namespacePrefix) {
    for (String mode : MODES) {
      String ns = namespacePrefix + mode + (system.equals("sqlite") ? ".db" : "");
      String where = system + " " + mode + ": ";
      assertEquals(1.0, count(e, system, ns, "CREATE TABLE users", ""), where + "create users");
      assertEquals(1.0, count(e, system, ns, "CREATE TABLE orders", ""), where + "create orders");
      assertEquals(5.0, count(e, system, ns, "INSERT users", ""), where + "insert");
      assertEquals(1.0, count(e, system, ns, "BATCH INSERT orders", ""), where + "batch");
      assertEquals(7.0, count(e, system, ns, "SELECT users", ""), where + "select");
      assertEquals(2.0, count(e, system, ns, "SELECT users orders", ""), where + "join");
      assertEquals(3.0, count(e, system, ns, "UPDATE users", ""), where + "update");
      assertEquals(1.0, count(e, system, ns, "DELETE orders", ""), where + "delete");
      assertEquals(1.0, count(e, system, ns, "BATCH", ""), where + "mixed batch");
      List<Sample> failed = e.samples(DURATION + "_count", "db_system_name", system, "db_namespace", ns,
          "db_query_summary", "SELECT missing_table");
      assertEquals(1, failed.size(), where + failed);
      assertEquals(1.0, failed.get(0).value(), where + "failure");
      assertEquals("SELECT missing_table", failed.get(0).label("db_query_summary"));
      double all = e.samples(DURATION + "_count", "db_system_name", system, "db_namespace", ns).stream()
          .mapToDouble(Sample::value).sum();
      assertEquals(PER_SCRIPT, all, where + "nothing else was measured, nothing twice");
    }
  }

  @Test
  void h2CountsEachOperationOncePerTableDirectlyAndThroughBothPools() {
    Exposition e = scrape();
    assertScriptCounts(e, "h2database", "");
    Sample failed = e.only(DURATION + "_count", "db_system_name", "h2database", "db_namespace", "hikari",
        "db_query_summary", "SELECT missing_table");
    assertEquals("42", failed.label("error_type"));
    assertEquals("42S02", failed.label("db_response_status_code"));
    assertNull(failed.label("server_address"));
  }

  @Test
  void sqliteCountsEachOperationOncePerTableDirectlyAndThroughBothPools() {
    Exposition e = scrape();
    assertScriptCounts(e, "sqlite", sqliteDirectory + "/");
    Sample failed = e.only(DURATION + "_count", "db_system_name", "sqlite", "db_namespace",
        sqliteDirectory + "/direct.db", "db_query_summary", "SELECT missing_table");
    assertEquals("org.sqlite.SQLiteException", failed.label("error_type"));
    assertEquals("1", failed.label("db_response_status_code"));
  }

  @Test
  void postgresqlCountsEachOperationOncePerTableDirectlyAndThroughBothPools() {
    if (postgres == null) {
      Requirement.unmet("PostgreSQL is not installed (Debian: apt-get install postgresql)");
    }
    Exposition e = scrape();
    assertScriptCounts(e, "postgresql", "");
    Sample failed = e.only(DURATION + "_count", "db_system_name", "postgresql", "db_namespace", "dbcp2",
        "db_query_summary", "SELECT missing_table");
    assertEquals("42", failed.label("error_type"));
    assertEquals("42P01", failed.label("db_response_status_code"));
    assertEquals("127.0.0.1", failed.label("server_address"));
    assertEquals(String.valueOf(postgres.port()), failed.label("server_port"));
    assertEquals(3.0, count(e, "postgresql", "postgres", "CREATE DATABASE", ""));
  }

  @Test
  void everyExecutionIsCountedExactlyOnceOverall() {
    Exposition e = scrape();
    int databases = postgres == null ? 2 : 3;
    double all = e.samples(DURATION + "_count").stream().mapToDouble(Sample::value).sum();
    assertEquals(databases * MODES.size() * PER_SCRIPT + (postgres == null ? 0 : 3), all,
        "every series: " + e.samples(DURATION + "_count"));
  }

  @Test
  void theApplicationSeesTheDriversOwnExceptions() {
    List<String> failures = jvm.stdoutLines().stream().filter(l -> l.startsWith("failure ")).toList();
    assertTrue(failures.contains("failure hikari org.h2.jdbc.JdbcSQLSyntaxErrorException 42S02"), failures.toString());
    assertTrue(failures.contains("failure direct org.sqlite.SQLiteException null"), failures.toString());
    if (postgres != null) {
      assertTrue(failures.contains("failure dbcp2 org.postgresql.util.PSQLException 42P01"), failures.toString());
    }
  }

  @Test
  void hikariPoolsReportTheirStateLimitsAndTimes() {
    Exposition e = scrape();
    List<String> pools = new ArrayList<>(List.of("hikari-h2", "hikari-sqlite"));
    if (postgres != null) {
      pools.add("hikari-postgresql");
    }
    for (String name : pools) {
      assertEquals(3.0, e.only("db_client_connection_max", "db_client_connection_pool_name", name).value(), name);
      assertEquals(1.0, e.only("db_client_connection_idle_min", "db_client_connection_pool_name", name).value(), name);
      assertEquals(0.0, e.only("db_client_connection_pending_requests", "db_client_connection_pool_name", name).value());
      assertEquals(0.0, e.only("db_client_connection_count", "db_client_connection_pool_name", name,
          "db_client_connection_state", "used").value(), name);
      double idle = e.only("db_client_connection_count", "db_client_connection_pool_name", name,
          "db_client_connection_state", "idle").value();
      assertTrue(idle >= 1 && idle <= 3, name + " idle " + idle);
      assertEquals(0.0, e.only("db_client_connection_timeouts_total", "db_client_connection_pool_name", name).value());
      assertEquals(JdbcWorkload.BORROWS_PER_SCRIPT, e.only("db_client_connection_wait_time_seconds_count",
          "db_client_connection_pool_name", name).value(), name + " wait");
      assertEquals(JdbcWorkload.BORROWS_PER_SCRIPT, e.only("db_client_connection_use_time_seconds_count",
          "db_client_connection_pool_name", name).value(), name + " use");
      double created = e.only("db_client_connection_create_time_seconds_count", "db_client_connection_pool_name", name)
          .value();
      assertTrue(created >= 1 && created <= 3, name + " created " + created);
    }
  }

  @Test
  void aPoolThatTimesOutCountsItAndAClosedPoolDisappears() {
    Exposition e = scrape();
    assertEquals(1.0, e.only("db_client_connection_timeouts_total", "db_client_connection_pool_name", "hikari-timeout")
        .value());
    assertEquals(1.0, e.only("db_client_connection_wait_time_seconds_count", "db_client_connection_pool_name",
        "hikari-timeout").value());
    assertEquals(1.0, e.only("db_client_connection_max", "db_client_connection_pool_name", "hikari-timeout").value());
    List<Sample> closed = e.samples().stream()
        .filter(s -> "hikari-closed".equals(s.label("db_client_connection_pool_name"))).toList();
    assertEquals(List.of(), closed);
  }

  @Test
  void theDriverAndPoolClassesWereRewrittenOnce() {
    for (String rewritten : List.of("org.h2.jdbc.JdbcPreparedStatement", "org.h2.jdbc.JdbcConnection",
        "com.zaxxer.hikari.pool.HikariPool", "com.zaxxer.hikari.pool.ProxyStatement",
        "org.apache.commons.dbcp2.DelegatingStatement")) {
      String line = "[weft] DEBUG instrumented " + rewritten;
      assertEquals(List.of(line), jvm.stderrLines().stream().filter(l -> l.equals(line)).toList());
    }
    assertEquals(List.of(), jvm.stderrLines().stream().filter(l -> l.startsWith("[weft] WARN")
        || l.startsWith("[weft] ERROR")).toList());
  }
}
