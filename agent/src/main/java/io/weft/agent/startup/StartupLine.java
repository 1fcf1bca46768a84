package io.weft.agent.startup;

import java.time.Duration;
import java.util.List;

/**
 * The one info line printed when the agent is up:
 * {@code Weft 0.1.0 started: instrumented jvm, process, container; metrics served on
 * http://127.0.0.1:9464/metrics (auth off, TLS off)}.
 */
final class StartupLine {
  private StartupLine() {}

  static String text(String version, List<String> instrumented, String export) {
    return "Weft " + (version == null ? "unknown" : version) + " started: instrumented "
        + (instrumented.isEmpty() ? "nothing" : String.join(", ", instrumented)) + "; " + export;
  }

  /** The export part when the scrape endpoint is up. */
  static String served(String host, int port, boolean auth, boolean tls) {
    return "metrics served on " + (tls ? "https" : "http") + "://" + hostPort(host, port) + "/metrics (auth "
        + onOff(auth) + ", TLS " + onOff(tls) + ")";
  }

  /** The export part when the scrape endpoint was asked for but did not start (it logged why). */
  static String notServed(String host, int port) {
    return "metrics not served (the Prometheus endpoint on " + hostPort(host, port) + " did not start)";
  }

  /** The export part when the OTLP exporter is up. */
  static String pushed(String endpoint, Duration interval, String temporality) {
    return "metrics pushed to " + endpoint + " every " + duration(interval) + " (OTLP http/protobuf, " + temporality
        + ")";
  }

  /** The export part when the OTLP exporter was asked for but did not start (it logged why). */
  static String notPushed(String endpoint) {
    return "metrics not pushed (the OTLP exporter for " + endpoint + " did not start)";
  }

  /** {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h}: the largest unit that divides the duration. */
  static String duration(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 3_600_000 == 0 && millis > 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis % 60_000 == 0 && millis > 0) {
      return millis / 60_000 + "m";
    }
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }

  /** The export part when no exporter is configured. */
  static String notExported() {
    return "metrics not exported (exporters: none)";
  }

  /** {@code host:port}, with an IPv6 literal in brackets. */
  static String hostPort(String host, int port) {
    boolean ipv6 = host.indexOf(':') >= 0 && !host.startsWith("[");
    return (ipv6 ? "[" + host + "]" : host) + ":" + port;
  }

  private static String onOff(boolean on) {
    return on ? "on" : "off";
  }
}
