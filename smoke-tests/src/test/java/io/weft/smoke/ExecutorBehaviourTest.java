package io.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.smoke.apps.ExecutorBehaviourApp;
import io.weft.smoke.harness.BuildArtifacts;
import io.weft.smoke.harness.ForkedJvm;
import io.weft.smoke.harness.Jdk;
import io.weft.smoke.harness.Polling;
import io.weft.smoke.harness.TestApp;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The agent changes nothing executors do: {@link ExecutorBehaviourApp}'s transcript (task objects
 * seen by the queue, remove, shutdownNow, overridden before/afterExecute and a rejection handler;
 * exceptions and their stack traces; interrupts; thread locals; order; results) is identical with
 * and without the agent.
 */
abstract class ExecutorBehaviourTest {

  abstract Jdk jdk();

  private List<String> transcript(boolean withAgent) {
    ForkedJvm.Builder builder = ForkedJvm.on(jdk());
    if (withAgent) {
      builder.javaagent(BuildArtifacts.agentJar()).env("WEFT_PROMETHEUS_PORT", "0");
    }
    try (TestApp app = TestApp.start(builder, 0, "executor-behaviour-" + withAgent + "-" + jdk(),
        ExecutorBehaviourApp.class.getName())) {
      app.jvm().awaitStdoutLine(Pattern.compile("^done$"), Polling.START);
      return app.jvm().stdoutLines();
    }
  }

  @Test
  void theTranscriptWithTheAgentIsTheTranscriptWithout() {
    List<String> without = transcript(false);
    List<String> with = transcript(true);
    assertTrue(without.contains("queue [a, b, c, d] same objects true"), String.join("\n", without));
    assertTrue(without.stream().anyMatch(l -> l.startsWith("stack [") && l.contains("runWorker")), String.join("\n", without));
    assertEquals(without, with);
  }
}
