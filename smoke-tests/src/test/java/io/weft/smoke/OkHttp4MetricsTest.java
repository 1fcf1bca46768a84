package io.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.smoke.clients.HttpClientsApp;
import io.weft.smoke.harness.BuildArtifacts;
import io.weft.smoke.harness.Exposition;
import io.weft.smoke.harness.ForkedJvm;
import io.weft.smoke.harness.FreePort;
import io.weft.smoke.harness.HttpTargetServer;
import io.weft.smoke.harness.Jdk;
import io.weft.smoke.harness.Promtool;
import io.weft.smoke.harness.Scrape;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * OkHttp 4 through the built agent: the OkHttp script of {@link HttpClientMetricsTest}, run with OkHttp
 * 4.12 (and its Okio and Kotlin) in place of OkHttp 5, without and with the agent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OkHttp4MetricsTest {
  private static final List<String> CLIENTS = List.of("okhttp");

  private HttpTargetServer server;
  private List<String> arguments;
  private List<String> outcomesWithoutAgent;
  private List<String> outcomesWithAgent;
  private ForkedJvm app;
  private int metricsPort;

  @BeforeAll
  void runTheScriptWithoutAndWithTheAgent() throws IOException {
    server = HttpTargetServer.start(CLIENTS.toArray(String[]::new));
    arguments = ClientScripts.arguments(server, CLIENTS);
    String classPath = okHttp4ClassPath();
    try (ForkedJvm alone = application(ForkedJvm.on(Jdk.java17()), classPath).start("okhttp4-alone")) {
      outcomesWithoutAgent = ClientScripts.awaitOutcomes(alone);
    }
    metricsPort = FreePort.pick();
    app = application(ForkedJvm.on(Jdk.java17()).javaagent(BuildArtifacts.agentJar())
        .env("WEFT_PROMETHEUS_PORT", String.valueOf(metricsPort)), classPath)
        .start("okhttp4");
    outcomesWithAgent = ClientScripts.awaitOutcomes(app);
  }

  /** This module's test classes and the OkHttp 4 jars; none of the test class path's other libraries. */
  private static String okHttp4ClassPath() throws IOException {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (entry.endsWith("test-classes")) {
        entries.add(entry);
      }
    }
    Path okhttp4 = Path.of(System.getProperty("weft.okhttp4.dir"));
    try (Stream<Path> jars = Files.list(okhttp4)) {
      jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> entries.add(p.toString()));
    }
    assertTrue(entries.stream().anyMatch(e -> e.contains("okhttp-4.12.0.jar")), "OkHttp 4 jars in " + okhttp4);
    assertEquals(1, entries.stream().filter(e -> e.endsWith("test-classes")).count(), entries.toString());
    return String.join(File.pathSeparator, entries);
  }

  private ForkedJvm.Builder application(ForkedJvm.Builder builder, String classPath) {
    return builder.classpath(classPath).mainClass(HttpClientsApp.class.getName(), arguments.toArray(String[]::new));
  }

  @AfterAll
  void stop() {
    if (app != null) {
      app.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void everyCallGetsTheScriptedOutcomeAndTheSameWithTheAgent() {
    assertEquals(ClientScripts.expectedOutcomes(CLIENTS), outcomesWithoutAgent);
    assertEquals(outcomesWithoutAgent, outcomesWithAgent);
  }

  @Test
  void everyCallIsCountedOnceInTheSeriesItsOutcomeImplies() {
    Scrape.Response r = Scrape.get(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"));
    assertEquals(200, r.status());
    Promtool.assertPasses(r.text());
    assertEquals(ClientScripts.expectedSeries(outcomesWithAgent, arguments),
        ClientScripts.scrapedSeries(Exposition.parse(r.text())), app.describeOutput());
  }
}
