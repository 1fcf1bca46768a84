package io.weft.smoke.harness;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The demo service running in a {@link ForkedJvm}: waits for its {@code demo ready on port N} line
 * and knows its port. The agent's own lines are recognised here too.
 *
 * <pre>{@code
 * try (Demo demo = Demo.start(ForkedJvm.on(jdk).javaagent(BuildArtifacts.agentJar()), "attached")) {
 *   assertEquals(200, Scrape.get(demo.uri("/hello")).status());
 * }
 * }</pre>
 */
public final class Demo implements AutoCloseable {
  public static final Pattern READY = Pattern.compile("^demo ready on port (\\d+)$");
  /** The agent's one start-up line: {@code [weft] INFO Weft <version> started: ...}. */
  public static final Pattern AGENT_STARTED = Pattern.compile("^\\[weft\\] INFO Weft (\\S+) started: ");
  /** A warning or error from the agent. */
  public static final Pattern AGENT_PROBLEM = Pattern.compile("^\\[weft\\] (WARN|ERROR) ");

  private final ForkedJvm jvm;
  private final int port;

  private Demo(ForkedJvm jvm, int port) {
    this.jvm = jvm;
    this.port = port;
  }

  /**
   * Starts the demo jar on a free port ({@code DEMO_PORT=0}) with whatever the builder already
   * carries (agent, environment, properties) and waits until it is ready.
   */
  public static Demo start(ForkedJvm.Builder builder, String name) {
    ForkedJvm jvm = builder.env("DEMO_PORT", "0").jar(BuildArtifacts.demoJar()).start(name);
    return new Demo(jvm, jvm.awaitReadyPort(READY));
  }

  public ForkedJvm jvm() {
    return jvm;
  }

  public int port() {
    return port;
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** Waits for the agent's start-up line on stderr and returns it. */
  public String awaitAgentStarted() {
    return jvm.awaitStderrLine(AGENT_STARTED, Polling.START);
  }

  /** The stderr lines that match the pattern, so far. */
  public List<String> stderrMatching(Pattern pattern) {
    return jvm.stderrLines().stream().filter(line -> pattern.matcher(line).find()).toList();
  }

  /** The stderr lines that contain the text, so far. */
  public List<String> stderrContaining(String text) {
    return jvm.stderrLines().stream().filter(line -> line.contains(text)).toList();
  }

  @Override
  public void close() {
    jvm.close();
  }
}
