package io.weft.bootstrap.log;

import java.io.PrintStream;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes {@code [weft] LEVEL message} lines to stderr.
 *
 * <pre>{@code
 * WeftLog.warn("WEFT_PROMETHEUS_PORT=abc is not a port number; using 9464");
 * WeftLog.warnLimited("collect:jvm.memory.used", "callback for jvm.memory.used failed: " + e);
 * }</pre>
 *
 * <p>The level is process-wide (the agent sets it once from {@code WEFT_LOG_LEVEL}); this is the one
 * piece of global state in the core, because a log line must be writable from woven code that has
 * no reference to anything.
 */
public final class WeftLog {

  /** Log levels, most severe first. */
  public enum Level {
    ERROR,
    WARN,
    INFO,
    DEBUG
  }

  /** A repeated warning with the same key is printed at most once per this interval. */
  static final long RATE_LIMIT_NANOS = 60_000_000_000L;

  private static volatile Level threshold = Level.INFO;
  private static volatile PrintStream out = System.err;
  private static final ConcurrentHashMap<String, Long> lastPrinted = new ConcurrentHashMap<>();

  private WeftLog() {}

  public static void setLevel(Level level) {
    threshold = level;
  }

  public static Level level() {
    return threshold;
  }

  /** Redirects output; tests use it to capture lines. */
  public static void setOutput(PrintStream stream) {
    out = stream;
  }

  public static boolean isEnabled(Level level) {
    return level.ordinal() <= threshold.ordinal();
  }

  public static void error(String message) {
    log(Level.ERROR, message);
  }

  public static void warn(String message) {
    log(Level.WARN, message);
  }

  public static void info(String message) {
    log(Level.INFO, message);
  }

  public static void debug(String message) {
    log(Level.DEBUG, message);
  }

  /**
   * Logs a warning unless one with the same key was printed within the last minute; the suppressed
   * count is not kept, the point is only to keep a failing callback from flooding stderr.
   */
  public static void warnLimited(String key, String message) {
    if (!isEnabled(Level.WARN)) {
      return;
    }
    long now = System.nanoTime();
    Long previous = lastPrinted.get(key);
    if (previous != null && now - previous < RATE_LIMIT_NANOS) {
      return;
    }
    if (previous == null
        ? lastPrinted.putIfAbsent(key, now) == null
        : lastPrinted.replace(key, previous, now)) {
      log(Level.WARN, message);
    }
  }

  private static void log(Level level, String message) {
    if (isEnabled(level)) {
      out.println("[weft] " + level + " " + message);
    }
  }
}
