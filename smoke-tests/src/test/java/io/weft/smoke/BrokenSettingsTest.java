package io.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.smoke.harness.BuildArtifacts;
import io.weft.smoke.harness.Demo;
import io.weft.smoke.harness.ForkedJvm;
import io.weft.smoke.harness.FreePort;
import io.weft.smoke.harness.Jdk;
import io.weft.smoke.harness.Requirement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One bad setting at a time: the demo still serves, the agent still starts, and stderr carries
 * exactly one agent warning or error, which names the setting and the bad value.
 */
class BrokenSettingsTest {
  private static final String MALFORMED_YAML = "prometheus:\n  port: [9464\n  host: : :\n";

  @TempDir static Path files;

  /**
   * A bad setting: the key the agent must name, the bad value it must quote, how to apply it, and
   * whether the agent then falls back to the default scrape port 9464.
   */
  record BadSetting(String key, String value, UnaryOperator<ForkedJvm.Builder> apply, boolean usesDefaultPort) {
    static BadSetting env(String key, String value) {
      return new BadSetting(key, value, builder -> builder.env(key, value), key.equals("WEFT_PROMETHEUS_PORT"));
    }

    static BadSetting systemProperty(String key, String value) {
      return new BadSetting(key, value, builder -> builder.systemProperty(key, value), key.equals("weft.prometheus.port"));
    }

    /** A file named by WEFT_CONFIG_FILE: its nested key is named in dotted form. */
    static BadSetting inConfigFile(Path file, String dottedKey, String value) {
      return new BadSetting(dottedKey, value, builder -> builder.env("WEFT_CONFIG_FILE", file.toString()),
          dottedKey.equals("prometheus.port"));
    }

    @Override
    public String toString() {
      return key + "=" + value;
    }
  }

  static Stream<Arguments> cases() throws IOException {
    Path malformed = Files.writeString(files.resolve("malformed.yaml"), MALFORMED_YAML);
    Path badPort = Files.writeString(files.resolve("bad-port.yaml"), "prometheus:\n  port: abc\n");
    List<BadSetting> settings =
        List.of(
            BadSetting.env("WEFT_PROMETHEUS_PORT", "abc"),
            BadSetting.env("WEFT_PROMETHEUS_PORT", "70000"),
            BadSetting.systemProperty("weft.prometheus.port", "abc"),
            BadSetting.env("WEFT_LOG_LEVEL", "loud"),
            BadSetting.env("WEFT_CONFIG_FILE", "/nonexistent"),
            BadSetting.env("WEFT_CONFIG_FILE", malformed.toString()),
            BadSetting.env("WEFT_EXPORTERS", "bogus"),
            BadSetting.inConfigFile(badPort, "prometheus.port", "abc"));
    return Jdk.both().flatMap(jdk -> settings.stream().map(setting -> Arguments.of(jdk, setting)));
  }

  @ParameterizedTest(name = "{1} on {0}")
  @MethodSource("cases")
  void demoServesAndOneLineNamesTheSetting(Jdk jdk, BadSetting setting) {
    ForkedJvm.Builder builder = ForkedJvm.on(jdk).javaagent(BuildArtifacts.agentJar());
    if (setting.usesDefaultPort()) {
      // A bad port falls back to the default, which must then be free for the agent to log nothing else.
      if (!FreePort.isFree(9464)) {
        Requirement.unmet("127.0.0.1:9464 is in use, and this case falls back to it");
      }
    } else {
      builder.env("WEFT_PROMETHEUS_PORT", "0");
    }
    try (Demo demo = Demo.start(setting.apply().apply(builder), "bad-" + setting + "-" + jdk)) {
      DemoEndpoints.assertAnswer(demo, "/hello", 200, "hello\n");
      demo.awaitAgentStarted();

      List<String> naming = demo.stderrContaining(setting.key());
      assertEquals(1, naming.size(), "stderr lines naming " + setting.key() + ":\n" + demo.jvm().describeOutput());
      String line = naming.get(0);
      assertTrue(line.startsWith("[weft] WARN ") || line.startsWith("[weft] ERROR "), line);
      assertTrue(line.contains(setting.value()), "the line must quote the bad value: " + line);
      assertEquals(List.of(line), demo.stderrMatching(Demo.AGENT_PROBLEM), "agent warnings and errors");
      assertEquals(1, demo.stderrMatching(Demo.AGENT_STARTED).size(), "start-up lines");
    }
  }
}
