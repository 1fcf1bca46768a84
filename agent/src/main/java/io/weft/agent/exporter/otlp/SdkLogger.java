package io.weft.agent.exporter.otlp;

import io.weft.bootstrap.log.WeftLog;
import java.util.logging.Level;

/**
 * Stands in for {@code java.util.logging.Logger} inside the relocated OpenTelemetry SDK: the agent jar's
 * build rewrites the SDK's references to that class into references to this one, so the SDK's log lines
 * become Weft debug lines and {@code java.util.logging} is never initialised in the application's JVM
 * (which would fix its log manager before the application chooses one).
 *
 * <p>Has exactly the methods the SDK calls (the build's relocation check lists them); Weft's exporter
 * writes its own warning lines, so everything here is {@code debug}. In unit tests, which run against
 * the unrelocated SDK, this class is unused.
 */
public final class SdkLogger {
  private final String name;

  private SdkLogger(String name) {
    this.name = name;
  }

  public static SdkLogger getLogger(String name) {
    return new SdkLogger(name);
  }

  public boolean isLoggable(Level level) {
    return WeftLog.isEnabled(WeftLog.Level.DEBUG);
  }

  public void log(Level level, String message) {
    log(level, message, null);
  }

  public void log(Level level, String message, Throwable thrown) {
    if (WeftLog.isEnabled(WeftLog.Level.DEBUG)) {
      String shortName = name.substring(name.lastIndexOf('.') + 1);
      WeftLog.debug("OpenTelemetry SDK " + shortName + " " + level + ": " + message
          + (thrown == null ? "" : " (" + thrown + ")"));
    }
  }

  public void fine(String message) {
    log(Level.FINE, message);
  }

  public void info(String message) {
    log(Level.INFO, message);
  }

  public void warning(String message) {
    log(Level.WARNING, message);
  }
}
