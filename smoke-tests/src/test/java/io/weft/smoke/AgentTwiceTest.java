package io.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weft.smoke.harness.BuildArtifacts;
import io.weft.smoke.harness.Demo;
import io.weft.smoke.harness.ForkedJvm;
import io.weft.smoke.harness.Jdk;
import io.weft.smoke.harness.Polling;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Two {@code -javaagent} flags for the same jar: the second copy says so once and does nothing. */
class AgentTwiceTest {
  private static final Pattern ALREADY = Pattern.compile("^\\[weft\\] .*already", Pattern.CASE_INSENSITIVE);

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.weft.smoke.harness.Jdk#both")
  void secondCopyLogsOneLineAndStartsNothing(Jdk jdk) {
    try (Demo demo = Demo.start(
        ForkedJvm.on(jdk)
            .javaagent(BuildArtifacts.agentJar())
            .javaagent(BuildArtifacts.agentJar())
            .env("WEFT_PROMETHEUS_PORT", "0"),
        "agent-twice-" + jdk)) {
      DemoEndpoints.assertAllAnswer(demo);
      demo.awaitAgentStarted();
      demo.jvm().awaitStderrLine(ALREADY, Polling.SHORT);
      assertEquals(1, demo.stderrMatching(Demo.AGENT_STARTED).size(), demo.jvm().describeOutput());
      assertEquals(1, demo.stderrMatching(ALREADY).size(), demo.jvm().describeOutput());
      List<String> errors = demo.stderrMatching(Pattern.compile("^\\[weft\\] ERROR "));
      assertEquals(List.of(), errors, "the second copy must not try to bind a second endpoint");
    }
  }
}
