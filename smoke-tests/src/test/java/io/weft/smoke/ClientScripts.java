package io.weft.smoke;

import io.weft.smoke.harness.Exposition;
import io.weft.smoke.harness.ForkedJvm;
import io.weft.smoke.harness.FreePort;
import io.weft.smoke.harness.HttpTargetServer;
import io.weft.smoke.harness.Polling;
import io.weft.smoke.harness.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What the test applications in {@code io.weft.smoke.clients} do and what each call must give: the
 * outcome the caller sees (a status, or an exception class) and, from it, the one
 * {@code http.client.request.duration} series the call must be counted in.
 */
final class ClientScripts {
  static final String DURATION_COUNT = "http_client_request_duration_seconds_count";
  private static final Pattern DONE = Pattern.compile("^done$");

  /** Each client's calls, in script order: {@code label outcome}. */
  static final Map<String, List<String>> OUTCOMES = Map.of(
      "jdk", List.of("ok 200", "missing 404", "error 500", "redirect 202", "refused java.net.ConnectException",
          "timeout java.net.http.HttpTimeoutException", "unknown-host java.net.ConnectException",
          "tls javax.net.ssl.SSLException", "async 200", "cancelled java.util.concurrent.CancellationException",
          "http2 200"),
      "urlconnection", List.of("ok 200", "missing 404", "error 500", "redirect 202", "post 200",
          "refused java.net.ConnectException", "timeout java.net.SocketTimeoutException",
          "unknown-host java.net.UnknownHostException", "tls javax.net.ssl.SSLException"),
      "apache", List.of("ok 200", "missing 404", "error 500", "redirect 202",
          "refused org.apache.hc.client5.http.HttpHostConnectException", "timeout java.net.SocketTimeoutException",
          "unknown-host java.net.UnknownHostException", "tls javax.net.ssl.SSLException", "response-open 202",
          "wrapped 200"),
      "okhttp", List.of("ok 200", "missing 404", "error 500", "redirect 202", "refused java.net.ConnectException",
          "timeout java.net.SocketTimeoutException", "unknown-host java.net.UnknownHostException",
          "tls javax.net.ssl.SSLException", "async 200", "cancelled java.io.IOException", "nested 200",
          "http2 200"));

  private ClientScripts() {}

  /** The application's arguments for these clients: {@code client:port:closedPort}, closed ports picked now. */
  static List<String> arguments(HttpTargetServer server, List<String> clients) {
    List<String> args = new ArrayList<>();
    for (String client : clients) {
      args.add(client + ":" + server.port(client) + ":" + FreePort.pick());
    }
    return args;
  }

  /** The lines the application printed before {@code done}, once it printed it. */
  static List<String> awaitOutcomes(ForkedJvm app) {
    app.awaitStdoutLine(DONE, Polling.START);
    List<String> lines = new ArrayList<>();
    for (String line : app.stdoutLines()) {
      if (line.equals("done")) {
        break;
      }
      lines.add(line);
    }
    return lines;
  }

  /**
   * Calls whose exception message the library itself varies from run to run: OkHttp reports a read
   * timeout as {@code Read timed out} or {@code timeout}, depending on which of its two timers fires
   * first; java.net.http's {@code cancel} races the client's own cancellation of the exchange (a
   * CancellationException saying {@code Request cancelled}, delivered on another thread) against the
   * future's own, message-less one.
   */
  private static final List<String> VARYING_MESSAGES = List.of("okhttp timeout", "jdk cancelled");

  /** Outcome lines to compare across runs: exception messages kept, except where the library varies them. */
  static List<String> comparable(List<String> outcomeLines) {
    return outcomeLines.stream()
        .map(l -> VARYING_MESSAGES.stream().anyMatch(l::startsWith) ? withoutMessage(l) : l).toList();
  }

  /** Outcome lines without the exception messages: {@code client label status-or-class}. */
  static List<String> withoutMessages(List<String> outcomeLines) {
    return outcomeLines.stream().map(ClientScripts::withoutMessage).toList();
  }

  private static String withoutMessage(String line) {
    return line.contains(" : ") ? line.substring(0, line.indexOf(" : ")) : line;
  }

  /** The outcome lines these clients must print, in order, without exception messages. */
  static List<String> expectedOutcomes(List<String> clients) {
    List<String> lines = new ArrayList<>();
    for (String client : clients) {
      OUTCOMES.get(client).forEach(o -> lines.add(client + " " + o));
    }
    return lines;
  }

  /**
   * The series each printed call must be counted in, with counts: {@code method status address port
   * version error.type}, {@code -} for an empty value. A status means a response came (version 1.1,
   * or 2 for the HTTP/2 calls; error.type the status for 4xx and 5xx); an exception means none did
   * (no status, no version, error.type the exception class).
   */
  static Map<String, Integer> expectedSeries(List<String> outcomeLines, List<String> arguments) {
    Map<String, Integer> series = new TreeMap<>();
    for (String line : outcomeLines) {
      String[] p = line.split(" ");
      String client = p[0];
      String label = p[1];
      String outcome = p[2];
      String[] target = arguments.stream().filter(a -> a.startsWith(client + ":")).findFirst().orElseThrow()
          .split(":");
      String method = label.equals("post") ? "POST" : "GET";
      String address = label.equals("unknown-host") ? client + ".invalid" : "127.0.0.1";
      String port = label.equals("refused") ? target[2] : target[1];
      String key;
      if (outcome.matches("\\d+")) {
        int status = Integer.parseInt(outcome);
        key = String.join(" ", method, outcome, address, port, label.equals("http2") ? "2" : "1.1",
            status >= 400 ? outcome : "-");
      } else {
        key = String.join(" ", method, "-", address, port, "-", outcome);
      }
      series.merge(key, 1, Integer::sum);
    }
    return series;
  }

  /** Every {@code http.client.request.duration} count in a scrape, in the form of {@link #expectedSeries}. */
  static Map<String, Integer> scrapedSeries(Exposition e) {
    Map<String, Integer> series = new TreeMap<>();
    for (Sample s : e.samples(DURATION_COUNT)) {
      String key = String.join(" ", dash(s.label("http_request_method")), dash(s.label("http_response_status_code")),
          dash(s.label("server_address")), dash(s.label("server_port")), dash(s.label("network_protocol_version")),
          dash(s.label("error_type")));
      series.merge(key, (int) s.value(), Integer::sum);
    }
    return series;
  }

  private static String dash(String value) {
    return value == null || value.isEmpty() ? "-" : value;
  }
}
