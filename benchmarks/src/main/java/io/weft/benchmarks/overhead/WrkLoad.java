package io.weft.benchmarks.overhead;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A fixed closed-loop load from {@code wrk} (its own process) against one loopback URL. */
final class WrkLoad {

  /** What one wrk run reports. Latencies in milliseconds. */
  record Result(long requests, long errors, double p50Millis, double p99Millis) {}

  private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
  private static final Pattern ERRORS = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
  private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|99)(?:\\.000)?%\\s+([0-9.]+)(us|ms|s)\\s*$");

  private final int threads;
  private final int connections;

  WrkLoad(int threads, int connections) {
    this.threads = threads;
    this.connections = connections;
  }

  Result run(String url, int seconds) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
            "--latency", url))
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException("wrk failed:\n" + out);
    }
    return parse(out);
  }

  static Result parse(String out) throws IOException {
    Matcher m = REQUESTS.matcher(out);
    if (!m.find()) {
      throw new IOException("no request count in wrk output:\n" + out);
    }
    long requests = Long.parseLong(m.group(1));
    Matcher e = ERRORS.matcher(out);
    long errors = e.find() ? Long.parseLong(e.group(1)) : 0;
    double p50 = Double.NaN;
    double p99 = Double.NaN;
    for (String line : out.split("\n")) {
      Matcher pm = PERCENTILE.matcher(line);
      if (pm.matches()) {
        double v = Double.parseDouble(pm.group(2));
        double millis = switch (pm.group(3)) {
          case "us" -> v / 1000;
          case "s" -> v * 1000;
          default -> v;
        };
        if (pm.group(1).equals("50")) {
          p50 = millis;
        } else {
          p99 = millis;
        }
      }
    }
    return new Result(requests, errors, p50, p99);
  }
}
