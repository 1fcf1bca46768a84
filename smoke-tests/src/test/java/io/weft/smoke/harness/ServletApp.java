package io.weft.smoke.harness;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * A servlet application (see {@code io.weft.smoke.servlet}) running in a {@link ForkedJvm}: waits
 * for its {@code servlet app ready on port N} line and knows its port.
 */
public final class ServletApp implements AutoCloseable {
  public static final Pattern READY = Pattern.compile("^servlet app ready on port (\\d+)$");

  private final ForkedJvm jvm;
  private final int port;

  private ServletApp(ForkedJvm jvm, int port) {
    this.jvm = jvm;
    this.port = port;
  }

  /** Starts the JVM the builder describes (class path and main class set) and waits until it is ready. */
  public static ServletApp start(ForkedJvm.Builder builder, String name) {
    ForkedJvm jvm = builder.start(name);
    return new ServletApp(jvm, jvm.awaitReadyPort(READY));
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
    return jvm.awaitStderrLine(Demo.AGENT_STARTED, Polling.START);
  }

  @Override
  public void close() {
    jvm.close();
  }
}
