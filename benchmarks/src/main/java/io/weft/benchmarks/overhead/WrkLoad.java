package io.weft.benchmarks.overhead;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A fixed closed-loop load from {@code wrk} (its own process, pinned to its own cores when {@link
 * CpuPinning} can) against loopback paths of one service. One path is requested as a plain URL;
 * several are requested in turn by a small Lua script.
 */
final class WrkLoad {

  /**
   * What one wrk run reports. {@code requests} are the responses wrk completed (any status);
   * {@code non2xx} those with a status of 400 or more (wrk's "Non-2xx or 3xx responses"); the socket
   * errors are wrk's own counts. Latencies in milliseconds.
   */
  record Result(long requests, long non2xx, long connectErrors, long readErrors, long writeErrors,
      long timeouts, double p50Millis, double p99Millis) {

    long socketErrors() {
      return connectErrors + readErrors + writeErrors + timeouts;
    }
  }

  private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
  private static final Pattern SOCKET_ERRORS =
      Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
  private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|99)(?:\\.000)?%\\s+([0-9.]+)(us|ms|s)\\s*$");

  private final int threads;
  private final int connections;
  private final List<String> pinning;

  /** @param pinning a command prefix that pins wrk to its cores ({@code taskset -c ...}), or empty */
  WrkLoad(int threads, int connections, List<String> pinning) {
    this.threads = threads;
    this.connections = connections;
    this.pinning = pinning;
  }

  int connections() {
    return connections;
  }

  int threads() {
    return threads;
  }

  Result run(int port, List<String> paths, int seconds, Path work) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(pinning);
    command.addAll(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--latency"));
    if (paths.size() > 1) {
      Path script = work.resolve("paths.lua");
      Files.writeString(script, luaCyclingThrough(paths), StandardCharsets.UTF_8);
      command.add("-s");
      command.add(script.toString());
    }
    command.add("http://127.0.0.1:" + port + paths.get(0));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException("wrk failed:\n" + out);
    }
    return parse(out);
  }

  /** Each wrk thread requests the paths in turn. */
  static String luaCyclingThrough(List<String> paths) {
    return "local paths = {" + paths.stream().map(p -> "\"" + p.replace("\"", "") + "\"")
        .collect(Collectors.joining(", ")) + "}\n"
        + "local i = 0\n"
        + "request = function()\n"
        + "  i = i % #paths + 1\n"
        + "  return wrk.format(\"GET\", paths[i])\n"
        + "end\n";
  }

  static Result parse(String out) throws IOException {
    Matcher m = REQUESTS.matcher(out);
    if (!m.find()) {
      throw new IOException("no request count in wrk output:\n" + out);
    }
    long requests = Long.parseLong(m.group(1));
    Matcher e = NON_2XX.matcher(out);
    long non2xx = e.find() ? Long.parseLong(e.group(1)) : 0;
    long[] socket = new long[4];
    Matcher s = SOCKET_ERRORS.matcher(out);
    if (s.find()) {
      for (int i = 0; i < 4; i++) {
        socket[i] = Long.parseLong(s.group(i + 1));
      }
    }
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
    return new Result(requests, non2xx, socket[0], socket[1], socket[2], socket[3], p50, p99);
  }
}
