package io.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.smoke.harness.BuildArtifacts;
import io.weft.smoke.harness.Demo;
import io.weft.smoke.harness.Exposition;
import io.weft.smoke.harness.ForkedJvm;
import io.weft.smoke.harness.Jdk;
import io.weft.smoke.harness.Scrape;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The scrape port: taken by someone else, or 0 for a free one. */
class PrometheusPortTest {
  private static final Pattern LOOPBACK_PORT = Pattern.compile("127\\.0\\.0\\.1:(\\d+)");

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.weft.smoke.harness.Jdk#both")
  void portInUseGivesOneErrorAndTheDemoServes(Jdk jdk) throws IOException {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      String port = String.valueOf(taken.getLocalPort());
      try (Demo demo = Demo.start(
          ForkedJvm.on(jdk).javaagent(BuildArtifacts.agentJar()).env("WEFT_PROMETHEUS_PORT", port),
          "port-taken-" + jdk)) {
        DemoEndpoints.assertAllAnswer(demo);
        demo.awaitAgentStarted();
        List<String> problems = demo.stderrMatching(Demo.AGENT_PROBLEM);
        assertEquals(1, problems.size(), "agent warnings and errors:\n" + demo.jvm().describeOutput());
        assertTrue(problems.get(0).startsWith("[weft] ERROR "), problems.get(0));
        assertTrue(problems.get(0).contains(port), "the error must name the port: " + problems.get(0));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.weft.smoke.harness.Jdk#both")
  void portZeroServesOnTheFreePortTheStartUpLineNames(Jdk jdk) {
    try (Demo demo = Demo.start(
        ForkedJvm.on(jdk).javaagent(BuildArtifacts.agentJar()).env("WEFT_PROMETHEUS_PORT", "0"),
        "port-zero-" + jdk)) {
      String started = demo.awaitAgentStarted();
      Matcher address = LOOPBACK_PORT.matcher(started);
      assertTrue(address.find(), "start-up line must name 127.0.0.1:<port>: " + started);
      int port = Integer.parseInt(address.group(1));
      assertTrue(port > 0, started);

      Scrape.Response response = Scrape.get(URI.create("http://127.0.0.1:" + port + "/metrics"));
      assertEquals(200, response.status());
      Exposition parsed = Exposition.parse(response.text());
      assertEquals(String.valueOf(demo.jvm().pid()), parsed.only("target_info").label("process_pid"));
    }
  }
}
