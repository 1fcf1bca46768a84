package io.weft.smoke.otlp;

import io.weft.smoke.harness.BuildArtifacts;
import io.weft.smoke.harness.ForkedJvm;
import io.weft.smoke.harness.Jdk;
import io.weft.smoke.harness.Polling;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@link ShortLivedProgram} in a forked JVM, with or without the agent, run to its end: its output, its
 * exit code, and how long the JVM took to end after the program said it was exiting.
 */
record ShortLivedRun(List<String> stdout, List<String> stderr, int exitCode, Duration exitDelay) {
  static final int EXIT_CODE = 3;
  static final long LIFE_MILLIS = 2000;

  /** Runs the program for two seconds with the agent and the given environment. */
  static ShortLivedRun withAgent(Jdk jdk, String name, Map<String, String> environment, String... jvmOptions) {
    ForkedJvm.Builder builder = ForkedJvm.on(jdk).javaagent(BuildArtifacts.agentJar());
    return run(builder, name, environment, jvmOptions);
  }

  /** The same program without the agent: the behaviour the agent must not change. */
  static ShortLivedRun withoutAgent(Jdk jdk, String name) {
    return run(ForkedJvm.on(jdk), name, Map.of());
  }

  private static ShortLivedRun run(ForkedJvm.Builder builder, String name, Map<String, String> environment,
      String... jvmOptions) {
    environment.forEach(builder::env);
    for (String option : jvmOptions) {
      builder.jvmOption(option);
    }
    try (ForkedJvm jvm = builder.classpath(classPath()).mainClass(ShortLivedProgram.class.getName(),
        Long.toString(LIFE_MILLIS), Integer.toString(EXIT_CODE)).start(name)) {
      jvm.awaitStdoutLine(Pattern.compile("^" + ShortLivedProgram.EXITING), Polling.START);
      long exiting = System.nanoTime();
      int exitCode = jvm.awaitExit(Polling.START);
      Duration delay = Duration.ofNanos(System.nanoTime() - exiting);
      return new ShortLivedRun(jvm.stdoutLines(), jvm.stderrLines(), exitCode, delay);
    }
  }

  /** The test classes folder, which holds the program. */
  private static String classPath() {
    try {
      return Path.of(ShortLivedProgram.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
