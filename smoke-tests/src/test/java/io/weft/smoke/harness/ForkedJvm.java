package io.weft.smoke.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;

/**
 * A JVM started in its own process, its stdout and stderr written to files under
 * {@link BuildArtifacts#logDirectory()} and readable as lines at any time.
 *
 * <pre>{@code
 * try (ForkedJvm jvm = ForkedJvm.on(Jdk.java17())
 *     .javaagent(BuildArtifacts.agentJar())
 *     .env("DEMO_PORT", "0")
 *     .jar(BuildArtifacts.demoJar())
 *     .start("attached")) {
 *   String ready = jvm.awaitStdoutLine(Pattern.compile("demo ready on port \\d+"), Duration.ofSeconds(60));
 * }
 * }</pre>
 *
 * <p>The child gets this JVM's environment minus anything that would configure it behind the test's
 * back ({@code WEFT_*}, {@code OTEL_*}, {@code JAVA_TOOL_OPTIONS}, ...), plus what the test sets.
 */
public final class ForkedJvm implements AutoCloseable {
  private static final List<String> INHERITED_PREFIXES_REMOVED =
      List.of("WEFT_", "OTEL_", "DEMO_", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS", "CLASSPATH");
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final String name;
  private final Process process;
  private final Path stdout;
  private final Path stderr;

  private ForkedJvm(String name, Process process, Path stdout, Path stderr) {
    this.name = name;
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  public static Builder on(Jdk jdk) {
    return new Builder(jdk.requireInstalled());
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Complete lines written to stdout so far (all lines once the process has ended). */
  public List<String> stdoutLines() {
    return lines(stdout);
  }

  /** Complete lines written to stderr so far (all lines once the process has ended). */
  public List<String> stderrLines() {
    return lines(stderr);
  }

  /** Waits for the first stdout line that the pattern finds; fails at the deadline or if the JVM ends. */
  public String awaitStdoutLine(Pattern pattern, Duration timeout) {
    return awaitLine(stdout, "stdout", pattern, timeout);
  }

  /** Waits for the first stderr line that the pattern finds; fails at the deadline or if the JVM ends. */
  public String awaitStderrLine(Pattern pattern, Duration timeout) {
    return awaitLine(stderr, "stderr", pattern, timeout);
  }

  /**
   * Waits for the application's ready line, whose first group is the port it listens on, and returns
   * that port; on failure (no line by the deadline, the JVM ended) stops the JVM and fails.
   */
  public int awaitReadyPort(Pattern ready) {
    try {
      Matcher m = ready.matcher(awaitStdoutLine(ready, Polling.START));
      m.find();
      return Integer.parseInt(m.group(1));
    } catch (RuntimeException | AssertionError e) {
      close();
      throw e;
    }
  }

  /** Waits for the JVM to end by itself and returns its exit code; fails (and stops it) at the deadline. */
  public int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        stop();
        return Assertions.fail("JVM did not end within " + timeout + ": " + describeOutput());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + name, e);
    }
  }

  /** Asks the JVM to end (SIGTERM), forces it after a grace period, and returns its exit code. */
  public int stop() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping " + name, e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      stop();
    }
  }

  /** stdout and stderr as text, for failure messages. */
  public String describeOutput() {
    return name + " (pid " + pid() + ")\n--- stdout (" + stdout + ")\n" + String.join("\n", stdoutLines())
        + "\n--- stderr (" + stderr + ")\n" + String.join("\n", stderrLines());
  }

  private String awaitLine(Path file, String stream, Pattern pattern, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      // Read liveness before the lines: a line written just before exit is then still seen.
      boolean alive = process.isAlive();
      for (String line : lines(file)) {
        if (pattern.matcher(line).find()) {
          return line;
        }
      }
      if (!alive) {
        return Assertions.fail(
            "JVM ended (exit " + process.exitValue() + ") before " + stream + " showed /" + pattern + "/: "
                + describeOutput());
      }
      if (System.nanoTime() - deadline > 0) {
        return Assertions.fail("no " + stream + " line /" + pattern + "/ within " + timeout + ": " + describeOutput());
      }
      Polling.pause();
    }
  }

  private List<String> lines(Path file) {
    boolean alive = process.isAlive();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (alive) {
      // While running, the last line may be half written.
      text = text.substring(0, text.lastIndexOf('\n') + 1);
    }
    return text.isEmpty() ? List.of() : text.lines().toList();
  }

  /** Sets up the command line and environment of a forked JVM. */
  public static final class Builder {
    private final Jdk jdk;
    private final List<String> jvmOptions = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> mainArguments = new ArrayList<>();
    private boolean classpathSet;

    private Builder(Jdk jdk) {
      this.jdk = jdk;
      // Small and predictable: several of these run side by side on a 2-core machine.
      jvmOptions.add("-Xmx256m");
    }

    public Builder javaagent(Path agentJar) {
      jvmOptions.add("-javaagent:" + agentJar);
      return this;
    }

    public Builder systemProperty(String key, String value) {
      jvmOptions.add("-D" + key + "=" + value);
      return this;
    }

    public Builder jvmOption(String option) {
      jvmOptions.add(option);
      return this;
    }

    public Builder env(String key, String value) {
      environment.put(key, value);
      return this;
    }

    /** The class path ({@code -cp}) for {@link #mainClass}; without it, this test JVM's own class path. */
    public Builder classpath(String classpath) {
      jvmOptions.add("-cp");
      jvmOptions.add(classpath);
      classpathSet = true;
      return this;
    }

    /**
     * A main class with its arguments, from the {@link #classpath} given or else from this test JVM's
     * own class path (the smoke tests' classes and test libraries); must come last, instead of
     * {@link #jar}.
     */
    public Builder mainClass(String className, String... arguments) {
      if (!classpathSet) {
        mainArguments.add("-cp");
        mainArguments.add(System.getProperty("java.class.path"));
      }
      mainArguments.add(className);
      mainArguments.addAll(List.of(arguments));
      return this;
    }

    /** The main jar ({@code -jar}); must come last. */
    public Builder jar(Path jar) {
      mainArguments.add("-jar");
      mainArguments.add(jar.toString());
      return this;
    }

    /**
     * A main class on the given class path, with arguments; must come last. The smoke tests' own
     * class path ({@code System.getProperty("java.class.path")}) runs test applications with the
     * libraries this module depends on.
     */
    public Builder mainClassOn(String classPath, String mainClass, String... arguments) {
      mainArguments.add("-cp");
      mainArguments.add(classPath);
      mainArguments.add(mainClass);
      mainArguments.addAll(List.of(arguments));
      return this;
    }

    /** Starts the JVM; {@code name} names its log files. */
    public ForkedJvm start(String name) {
      List<String> command = new ArrayList<>();
      command.add(jdk.java().toString());
      command.addAll(jvmOptions);
      command.addAll(mainArguments);
      try {
        Path logs = Files.createDirectories(BuildArtifacts.logDirectory());
        String fileName = name.replaceAll("[^A-Za-z0-9._-]+", "_") + "-" + System.nanoTime();
        Path stdout = logs.resolve(fileName + ".stdout");
        Path stderr = logs.resolve(fileName + ".stderr");
        ProcessBuilder builder =
            new ProcessBuilder(command)
                // Any hs_err or core file lands beside the logs, inside target/.
                .directory(logs.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().keySet()
            .removeIf(key -> INHERITED_PREFIXES_REMOVED.stream().anyMatch(key::startsWith));
        builder.environment().putAll(environment);
        return new ForkedJvm(name + " on " + jdk, builder.start(), stdout, stderr);
      } catch (IOException e) {
        throw new UncheckedIOException("could not start " + command, e);
      }
    }
  }
}
