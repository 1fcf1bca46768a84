package io.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.smoke.harness.BuildArtifacts;
import io.weft.smoke.harness.Demo;
import io.weft.smoke.harness.ForkedJvm;
import io.weft.smoke.harness.FreePort;
import io.weft.smoke.harness.Jdk;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A web configuration (or allow-list) that cannot be used: one error line naming the file and the key,
 * nothing listening on the metrics port (never plain text by accident), and the application serving.
 */
class BrokenWebConfigTest {
  @TempDir
  Path dir;

  static Stream<Arguments> brokenFiles() {
    return Stream.of(
        Arguments.of("missing file", null, "no such file"),
        Arguments.of("bad YAML", "tls_server_config: [unclosed\n", "not valid YAML"),
        Arguments.of("unknown key", "tls_server_config:\n  cert_file: a.crt\n  key_file: a.key\n  cert_fle: b\n",
            "tls_server_config.cert_fle: unknown key"),
        Arguments.of("key without certificate", "tls_server_config:\n  key_file: server.key\n",
            "tls_server_config.cert_file: missing"),
        Arguments.of("certificate file missing", "tls_server_config:\n  cert_file: none.crt\n  key_file: none.key\n",
            "tls_server_config.cert_file"),
        Arguments.of("unreadable hash", "basic_auth_users:\n  prometheus: plain-text-password\n",
            "basic_auth_users.prometheus: not a bcrypt hash"),
        Arguments.of("header not allowed", "http_server_config:\n  headers:\n    Server: weft\n",
            "http_server_config.headers.Server"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenFiles")
  void aBrokenWebConfigServesNothingAndSaysWhyInOneLine(String name, String content, String expected)
      throws IOException {
    Path file = dir.resolve("web.yml");
    if (content != null) {
      Files.writeString(file, content);
    }
    int port = FreePort.pick();
    try (Demo demo = Demo.start(ForkedJvm.on(Jdk.java17()).javaagent(BuildArtifacts.agentJar())
        .env("WEFT_PROMETHEUS_PORT", String.valueOf(port)).env("WEFT_PROMETHEUS_WEB_CONFIG_FILE", file.toString()),
        "broken-web-config")) {
      assertServesNothing(demo, port, List.of(file.toString(), expected));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badAllowLists")
  void aBadAllowListServesNothingAndSaysWhyInOneLine(String allow) {
    int port = FreePort.pick();
    try (Demo demo = Demo.start(ForkedJvm.on(Jdk.java17()).javaagent(BuildArtifacts.agentJar())
        .env("WEFT_PROMETHEUS_PORT", String.valueOf(port)).env("WEFT_PROMETHEUS_ALLOW", allow), "bad-allow")) {
      assertServesNothing(demo, port, List.of("WEFT_PROMETHEUS_ALLOW", allow.split(",")[0].trim()));
    }
  }

  static Stream<String> badAllowLists() {
    return Stream.of("10.0.0.0/33", "example.com/8", "10.0.0.0/8,::1/129");
  }

  private static void assertServesNothing(Demo demo, int port, List<String> mustName) {
    String started = demo.awaitAgentStarted();
    assertTrue(started.contains("metrics not served"), started);
    List<String> problems = demo.stderrMatching(Demo.AGENT_PROBLEM);
    assertEquals(1, problems.size(), demo.jvm().describeOutput());
    String line = problems.get(0);
    assertTrue(line.startsWith("[weft] ERROR "), line);
    for (String part : mustName) {
      if (!part.isEmpty()) {
        assertTrue(line.contains(part), "the error must name " + part + ": " + line);
      }
    }
    assertTrue(line.contains("serves nothing"), line);
    assertFalse(line.contains("\n"));
    assertThrows(IOException.class, () -> {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
      }
    }, "nothing may listen on the metrics port");
    DemoEndpoints.assertAnswer(demo, "/hello", 200, "hello\n");
  }
}
