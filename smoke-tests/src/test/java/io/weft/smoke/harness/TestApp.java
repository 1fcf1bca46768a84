package io.weft.smoke.harness;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;

/**
 * A test application from the smoke tests' own class path (see {@code io.weft.smoke.apps}) in a
 * forked JVM: its {@code result <key> <value>} lines, its readiness, and the agent's scrape endpoint.
 *
 * <pre>{@code
 * try (TestApp app = TestApp.start(ForkedJvm.on(jdk).javaagent(BuildArtifacts.agentJar()), metricsPort,
 *     "executors", ExecutorApp.class.getName(), folder.toString())) {
 *   app.awaitReady();
 *   assertEquals("5", app.result("rejecting.refused"));
 *   Exposition metrics = app.scrape();
 * }
 * }</pre>
 */
public final class TestApp implements AutoCloseable {
  private static final Pattern READY = Pattern.compile("^ready$");

  private final ForkedJvm jvm;
  private final int metricsPort;

  private TestApp(ForkedJvm jvm, int metricsPort) {
    this.jvm = jvm;
    this.metricsPort = metricsPort;
  }

  /** Starts the main class with the builder's options; {@code metricsPort} is where the agent serves, or 0 without one. */
  public static TestApp start(ForkedJvm.Builder builder, int metricsPort, String name, String mainClass,
      String... arguments) {
    if (metricsPort > 0) {
      builder.env("WEFT_PROMETHEUS_PORT", String.valueOf(metricsPort));
    }
    return new TestApp(builder.mainClass(mainClass, arguments).start(name), metricsPort);
  }

  public ForkedJvm jvm() {
    return jvm;
  }

  /** Waits for the application's {@code ready} line. */
  public TestApp awaitReady() {
    jvm.awaitStdoutLine(READY, Polling.START);
    return this;
  }

  /** Waits for the result line of {@code key} and returns its value. */
  public String awaitResult(String key) {
    String line = jvm.awaitStdoutLine(Pattern.compile("^result " + Pattern.quote(key) + " "), Polling.START);
    return line.substring(("result " + key + " ").length());
  }

  /** The value of a result already printed. */
  public String result(String key) {
    String value = results().get(key);
    Assertions.assertNotNull(value, "no result " + key + " in " + jvm.describeOutput());
    return value;
  }

  public Map<String, String> results() {
    Map<String, String> results = new LinkedHashMap<>();
    for (String line : jvm.stdoutLines()) {
      if (line.startsWith("result ")) {
        String[] parts = line.split(" ", 3);
        results.put(parts[1], parts.length > 2 ? parts[2] : "");
      }
    }
    return results;
  }

  /** Scrapes the agent's endpoint, checks it with promtool and parses it. */
  public Exposition scrape() {
    Scrape.awaitListening(metricsPort, Polling.START);
    Scrape.Response r = Scrape.get(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"));
    Assertions.assertEquals(200, r.status());
    Promtool.assertPasses(r.text());
    return Exposition.parse(r.text());
  }

  /** Scrapes until {@code done} holds for the scrape (or the short deadline passes) and returns the last scrape. */
  public Exposition scrapeUntil(Predicate<Exposition> done) {
    long deadline = System.nanoTime() + Polling.SHORT.toNanos();
    Exposition e = scrape();
    while (!done.test(e) && System.nanoTime() - deadline < 0) {
      Polling.pause();
      e = scrape();
    }
    return e;
  }

  @Override
  public void close() {
    jvm.close();
  }
}
