package io.weft.agent.config;

import io.weft.bootstrap.log.WeftLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Captures WeftLog lines for a test; {@link #close} restores stderr and the default level. */
public final class LogCapture implements AutoCloseable {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  public LogCapture() {
    WeftLog.setOutput(new PrintStream(bytes, true, StandardCharsets.UTF_8));
  }

  /** Every line written so far. */
  public List<String> lines() {
    String text = bytes.toString(StandardCharsets.UTF_8);
    return text.isEmpty() ? List.of() : List.of(text.split("\n"));
  }

  @Override
  public void close() {
    WeftLog.setOutput(System.err);
    WeftLog.setLevel(WeftLog.Level.INFO);
  }
}
