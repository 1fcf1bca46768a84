package io.weft.benchmarks.overhead;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many requests of the measured paths an agent has counted, read from its own Prometheus
 * endpoint: the sum of {@code http_server_request_duration_seconds_count} over the series whose
 * {@code http_route} serves one of the paths. Weft and the OpenTelemetry agent's Prometheus exporter
 * both name the histogram so and label the JDK server's context path as the route ({@code /users/}
 * for {@code /users/1}).
 */
final class AgentRequestCount {
  private AgentRequestCount() {}

  static final String SAMPLE = "http_server_request_duration_seconds_count";

  private static final Pattern LINE = Pattern.compile("^" + SAMPLE + "\\{([^}]*)\\}\\s+(\\S+)", Pattern.MULTILINE);
  private static final Pattern ROUTE = Pattern.compile("(?:^|,)http_route=\"([^\"]*)\"");

  /** The agent's count now; fails if the endpoint has no series for the paths at all. */
  static long read(HttpClient client, int metricsPort, List<String> paths) throws IOException, InterruptedException {
    HttpResponse<String> r = client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
            .timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException("metrics endpoint answered " + r.statusCode());
    }
    return countIn(r.body(), paths);
  }

  static long countIn(String exposition, List<String> paths) throws IOException {
    long count = 0;
    boolean seen = false;
    Matcher m = LINE.matcher(exposition);
    while (m.find()) {
      Matcher route = ROUTE.matcher(m.group(1));
      if (route.find() && paths.stream().anyMatch(p -> serves(route.group(1), p))) {
        count += (long) Double.parseDouble(m.group(2));
        seen = true;
      }
    }
    if (!seen) {
      throw new IOException("no " + SAMPLE + " series with an http_route serving " + paths);
    }
    return count;
  }

  /** A route serves a path if it is the path, a context prefix of it ({@code /users/}) or a template of it. */
  static boolean serves(String route, String path) {
    if (route.equals(path) || (route.endsWith("/") && route.length() > 1 && path.startsWith(route))) {
      return true;
    }
    if (route.contains("{")) {
      String regex = Pattern.quote(route).replaceAll("\\{[^}]*}", "\\\\E[^/]+\\\\Q");
      return path.matches(regex);
    }
    return false;
  }

  /**
   * The count once it has stopped moving: requests still in flight when the load stopped are
   * recorded as they finish. Two equal readings {@code settleMillis} apart, for at most 10 s.
   */
  static long settled(HttpClient client, int metricsPort, List<String> paths, long settleMillis)
      throws IOException, InterruptedException {
    long previous = read(client, metricsPort, paths);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      Thread.sleep(settleMillis);
      long now = read(client, metricsPort, paths);
      if (now == previous) {
        return now;
      }
      previous = now;
    }
    return previous;
  }
}
