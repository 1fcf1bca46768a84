package io.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weft.smoke.harness.BuildArtifacts;
import io.weft.smoke.harness.Demo;
import io.weft.smoke.harness.ForkedJvm;
import io.weft.smoke.harness.FreePort;
import io.weft.smoke.harness.Jdk;
import io.weft.smoke.harness.Polling;
import io.weft.smoke.harness.Scrape;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The agent writes nothing to stdout, even at debug level, through start-up, traffic, scrapes and exit. */
class NoStdoutPollutionTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.weft.smoke.harness.Jdk#both")
  void stdoutHoldsOnlyTheDemosOwnLines(Jdk jdk) {
    int metricsPort = FreePort.pick();
    try (Demo demo = Demo.start(
        ForkedJvm.on(jdk)
            .javaagent(BuildArtifacts.agentJar())
            .env("WEFT_PROMETHEUS_PORT", String.valueOf(metricsPort))
            .env("WEFT_LOG_LEVEL", "debug"),
        "stdout-" + jdk)) {
      demo.awaitAgentStarted();
      DemoEndpoints.assertAllAnswer(demo);
      Scrape.awaitListening(metricsPort, Polling.SHORT);
      assertEquals(200, Scrape.get(URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).status());
      demo.jvm().stop();

      assertEquals(
          List.of(
              "Weft demo: http://127.0.0.1:" + demo.port() + "/hello (also /users/1, /work, /outbound, /fail)"
                  + "; metrics: http://127.0.0.1:" + metricsPort + "/metrics",
              "demo ready on port " + demo.port()),
          demo.jvm().stdoutLines());
    }
  }
}
