package io.weft.agent.exporter.prometheus.transport;

import io.weft.bootstrap.log.WeftLog;
import java.net.InetAddress;

/**
 * Counts refused basic-auth logins and reports them at most once a minute with the count since the
 * last line, so that a password-guessing client cannot flood stderr. The first failure is reported at
 * once; later ones wait for the minute to pass and are reported with the next failure after it.
 */
final class FailedLogins {
  private static final long MINUTE_NANOS = 60_000_000_000L;

  private long count;
  private long lastLine = System.nanoTime() - MINUTE_NANOS;

  void failed(InetAddress from) {
    String line = null;
    synchronized (this) {
      count++;
      long now = System.nanoTime();
      if (now - lastLine >= MINUTE_NANOS) {
        line = count + (count == 1 ? " failed login" : " failed logins") + " on the Prometheus endpoint since the"
            + " last report (the latest from " + from.getHostAddress() + "); wrong or missing basic auth credentials";
        count = 0;
        lastLine = now;
      }
    }
    if (line != null) {
      WeftLog.warn(line);
    }
  }
}
