package io.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.smoke.harness.BuildArtifacts;
import io.weft.smoke.harness.Demo;
import io.weft.smoke.harness.ForkedJvm;
import io.weft.smoke.harness.Jdk;
import io.weft.smoke.harness.TlsScrape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bound to every interface with neither TLS nor auth: one warning saying how to fix it; loopback: none. */
class OpenEndpointWarningTest {
  private static final Pattern TARGET = Pattern.compile("\"targets\":\\[\"([^\"]+):(\\d+)\"\\]");

  @TempDir
  Path dir;

  @Test
  void everyInterfaceWithoutTlsOrAuthWarnsOnceAndFileSdNamesAReachableAddress() throws Exception {
    Path sd = dir.resolve("sd");
    try (Demo demo = Demo.start(ForkedJvm.on(Jdk.java17()).javaagent(BuildArtifacts.agentJar())
        .env("WEFT_PROMETHEUS_HOST", "0.0.0.0").env("WEFT_PROMETHEUS_PORT", "0")
        .env("WEFT_PROMETHEUS_FILE_SD_DIR", sd.toString()).env("WEFT_PROMETHEUS_FILE_SD_JOB", "jvms"), "open-endpoint")) {
      String started = demo.awaitAgentStarted();
      assertTrue(started.contains("(auth off, TLS off)"), started);
      List<String> problems = demo.stderrMatching(Demo.AGENT_PROBLEM);
      assertEquals(1, problems.size(), demo.jvm().describeOutput());
      String warning = problems.get(0);
      assertTrue(warning.startsWith("[weft] WARN ") && warning.contains("neither TLS nor authentication")
          && warning.contains("WEFT_PROMETHEUS_WEB_CONFIG_FILE") && warning.contains("WEFT_PROMETHEUS_HOST=127.0.0.1"),
          warning);

      List<Path> files;
      try (Stream<Path> list = Files.list(sd)) {
        files = list.toList();
      }
      assertEquals(1, files.size(), files.toString());
      String json = Files.readString(files.get(0));
      assertTrue(json.contains("\"__scheme__\":\"http\"") && json.contains("\"job\":\"jvms\""), json);
      Matcher target = TARGET.matcher(json);
      assertTrue(target.find(), json);
      assertFalse(target.group(1).equals("0.0.0.0") || target.group(1).equals("[::]"), json);
      assertTrue(Integer.parseInt(target.group(2)) > 0, json);
      // The written address reaches the endpoint (a local interface's address, from this host).
      try (java.net.Socket socket = new java.net.Socket(target.group(1).replace("[", "").replace("]", ""),
          Integer.parseInt(target.group(2)))) {
        assertTrue(socket.isConnected());
      }
      assertEquals(200, TlsScrape.get(null, Integer.parseInt(target.group(2)), "/metrics", null).status());
    }
  }

  @Test
  void loopbackWithoutTlsOrAuthDoesNotWarn() {
    try (Demo demo = Demo.start(ForkedJvm.on(Jdk.java17()).javaagent(BuildArtifacts.agentJar())
        .env("WEFT_PROMETHEUS_PORT", "0"), "loopback-endpoint")) {
      demo.awaitAgentStarted();
      assertEquals(List.of(), demo.stderrMatching(Demo.AGENT_PROBLEM), demo.jvm().describeOutput());
    }
  }
}
