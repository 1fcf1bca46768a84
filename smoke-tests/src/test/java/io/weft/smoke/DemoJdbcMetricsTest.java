package io.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weft.smoke.harness.BuildArtifacts;
import io.weft.smoke.harness.Demo;
import io.weft.smoke.harness.Exposition;
import io.weft.smoke.harness.ForkedJvm;
import io.weft.smoke.harness.FreePort;
import io.weft.smoke.harness.Jdk;
import io.weft.smoke.harness.Promtool;
import io.weft.smoke.harness.Sample;
import io.weft.smoke.harness.Scrape;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The demo's H2 queries show up as {@code db.client.operation.duration}, one per look-up. */
class DemoJdbcMetricsTest {
  private static final String DURATION = "db_client_operation_duration_seconds_count";

  @Test
  void everyUserLookUpIsOneSelectOnTheUsersTable() {
    int metricsPort = FreePort.pick();
    try (Demo demo = Demo.start(ForkedJvm.on(Jdk.java17()).javaagent(BuildArtifacts.agentJar())
        .env("WEFT_PROMETHEUS_PORT", String.valueOf(metricsPort)), "demo-jdbc")) {
      demo.awaitAgentStarted();
      for (int i = 0; i < 3; i++) {
        assertEquals(200, Scrape.get(demo.uri("/users/1")).status());
      }
      for (int i = 0; i < 2; i++) {
        assertEquals(404, Scrape.get(demo.uri("/users/999")).status());
      }
      String body = Scrape.get(URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).text();
      Promtool.assertPasses(body);
      Exposition e = Exposition.parse(body);
      String[] h2 = {"db_system_name", "h2database", "db_namespace", "weftdemo", "server_address", "", "error_type", ""};
      assertEquals(5.0, e.only(DURATION, with(h2, "db_query_summary", "SELECT users")).value());
      assertEquals(1.0, e.only(DURATION, with(h2, "db_query_summary", "CREATE TABLE users")).value());
      assertEquals(1.0, e.only(DURATION, with(h2, "db_query_summary", "INSERT users")).value());
      assertEquals(7.0, e.samples(DURATION).stream().mapToDouble(Sample::value).sum());
    }
  }

  private static String[] with(String[] base, String... more) {
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }
}
