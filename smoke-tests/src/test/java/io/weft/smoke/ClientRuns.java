package io.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weft.smoke.clients.HttpClientsApp;
import io.weft.smoke.harness.BuildArtifacts;
import io.weft.smoke.harness.Exposition;
import io.weft.smoke.harness.ForkedJvm;
import io.weft.smoke.harness.FreePort;
import io.weft.smoke.harness.HttpTargetServer;
import io.weft.smoke.harness.Jdk;
import io.weft.smoke.harness.Promtool;
import io.weft.smoke.harness.Scrape;
import java.net.URI;
import java.util.List;

/**
 * The client application run twice against one {@link HttpTargetServer}: first alone, then with the
 * built agent, which stays up to be scraped until {@link #close()}.
 *
 * <pre>{@code
 * try (ClientRuns runs = ClientRuns.start(Jdk.java17(), classPath, List.of("okhttp"), "okhttp")) {
 *   assertEquals(runs.outcomesWithoutAgent(), runs.outcomesWithAgent());
 * }
 * }</pre>
 */
final class ClientRuns implements AutoCloseable {
  private final HttpTargetServer server;
  private final List<String> arguments;
  private final List<String> outcomesWithoutAgent;
  private final List<String> outcomesWithAgent;
  private final ForkedJvm app;
  private final int metricsPort;

  private ClientRuns(HttpTargetServer server, List<String> arguments, List<String> outcomesWithoutAgent,
      List<String> outcomesWithAgent, ForkedJvm app, int metricsPort) {
    this.server = server;
    this.arguments = arguments;
    this.outcomesWithoutAgent = outcomesWithoutAgent;
    this.outcomesWithAgent = outcomesWithAgent;
    this.app = app;
    this.metricsPort = metricsPort;
  }

  /** Runs the scripts of these clients on this JDK with this class path; {@code name} names the logs. */
  static ClientRuns start(Jdk jdk, String classPath, List<String> clients, String name) {
    HttpTargetServer server = HttpTargetServer.start(clients.toArray(String[]::new));
    try {
      List<String> arguments = ClientScripts.arguments(server, clients);
      List<String> alone;
      try (ForkedJvm jvm = application(ForkedJvm.on(jdk), classPath, arguments).start(name + "-alone-" + jdk)) {
        alone = ClientScripts.awaitOutcomes(jvm);
      }
      int metricsPort = FreePort.pick();
      ForkedJvm app = application(ForkedJvm.on(jdk).javaagent(BuildArtifacts.agentJar())
          .env("WEFT_PROMETHEUS_PORT", String.valueOf(metricsPort)), classPath, arguments)
          .start(name + "-" + jdk);
      try {
        return new ClientRuns(server, arguments, alone, ClientScripts.awaitOutcomes(app), app, metricsPort);
      } catch (RuntimeException | AssertionError e) {
        app.close();
        throw e;
      }
    } catch (RuntimeException | AssertionError e) {
      server.close();
      throw e;
    }
  }

  private static ForkedJvm.Builder application(ForkedJvm.Builder builder, String classPath, List<String> arguments) {
    return builder.classpath(classPath).mainClass(HttpClientsApp.class.getName(), arguments.toArray(String[]::new));
  }

  HttpTargetServer server() {
    return server;
  }

  /** The application's arguments, {@code client:port:closedPort}. */
  List<String> arguments() {
    return arguments;
  }

  List<String> outcomesWithoutAgent() {
    return outcomesWithoutAgent;
  }

  List<String> outcomesWithAgent() {
    return outcomesWithAgent;
  }

  /** The run with the agent, still up. */
  ForkedJvm app() {
    return app;
  }

  /** The agent's {@code /metrics}, checked by promtool. */
  Exposition scrape() {
    Scrape.Response r = Scrape.get(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"));
    assertEquals(200, r.status());
    Promtool.assertPasses(r.text());
    return Exposition.parse(r.text());
  }

  @Override
  public void close() {
    try {
      app.close();
    } finally {
      server.close();
    }
  }
}
