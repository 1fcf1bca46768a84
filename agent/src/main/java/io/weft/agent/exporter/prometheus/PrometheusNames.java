package io.weft.agent.exporter.prometheus;

import io.weft.bootstrap.metrics.MetricKind;
import java.util.Map;

/**
 * Translates OpenTelemetry metric names, units and attribute keys into Prometheus names, following
 * the OpenTelemetry "Prometheus and OpenMetrics compatibility" specification.
 *
 * <pre>{@code
 * PrometheusNames.family("http.server.request.duration", MetricKind.HISTOGRAM, "s")
 *     // base http_server_request_duration_seconds, unit seconds
 * PrometheusNames.family("weft.scrape.requests", MetricKind.COUNTER, "{request}")
 *     // base weft_scrape_requests, exposed weft_scrape_requests_total
 * PrometheusNames.label("http.request.method")   // http_request_method
 * }</pre>
 *
 * <p>The rules, in order:
 * <ol>
 *   <li>Characters outside {@code [a-zA-Z0-9_:]} (labels: {@code [a-zA-Z0-9_]}) become {@code _};
 *       runs of {@code _} become one; a leading digit gets a {@code _} prefix (labels: {@code key_}).
 *   <li>The unit: {@code {...}} annotations are dropped ({@code {request}} adds nothing); known UCUM
 *       units become words ({@code s} -> {@code seconds}, {@code By} -> {@code bytes}, {@code KiBy}
 *       -> {@code kibibytes}); {@code x/y} becomes {@code x_per_y} ({@code By/s} ->
 *       {@code bytes_per_second}); {@code 1} becomes {@code ratio} for gauges only; unknown units are
 *       sanitized and used as they are.
 *   <li>The unit word is appended unless the name already ends with {@code _<unit>}.
 *   <li>Counters (monotonic sums) end in {@code _total}: a {@code _total} already at the end of the
 *       OpenTelemetry name is moved behind the unit ({@code foo.total} in {@code s} ->
 *       {@code foo_seconds_total}).
 * </ol>
 *
 * <p>Not on any hot path: the exporter calls these once per metric per scrape.
 */
final class PrometheusNames {

  /** Main units (UCUM) and their Prometheus words, as in the OpenTelemetry Collector's translator. */
  private static final Map<String, String> UNITS = Map.ofEntries(
      Map.entry("d", "days"),
      Map.entry("h", "hours"),
      Map.entry("min", "minutes"),
      Map.entry("s", "seconds"),
      Map.entry("ms", "milliseconds"),
      Map.entry("us", "microseconds"),
      Map.entry("ns", "nanoseconds"),
      Map.entry("By", "bytes"),
      Map.entry("KiBy", "kibibytes"),
      Map.entry("MiBy", "mebibytes"),
      Map.entry("GiBy", "gibibytes"),
      Map.entry("TiBy", "tebibytes"),
      Map.entry("KBy", "kilobytes"),
      Map.entry("MBy", "megabytes"),
      Map.entry("GBy", "gigabytes"),
      Map.entry("TBy", "terabytes"),
      Map.entry("m", "meters"),
      Map.entry("V", "volts"),
      Map.entry("A", "amperes"),
      Map.entry("J", "joules"),
      Map.entry("W", "watts"),
      Map.entry("g", "grams"),
      Map.entry("Cel", "celsius"),
      Map.entry("Hz", "hertz"),
      Map.entry("%", "percent"));

  /**
   * Units after a {@code /}: singular words ({@code By/s} -> {@code bytes_per_second}). {@code m}
   * means minute here, as in the Collector's table; {@code min} is UCUM's minute.
   */
  private static final Map<String, String> PER_UNITS = Map.of(
      "s", "second",
      "m", "minute",
      "min", "minute",
      "h", "hour",
      "d", "day",
      "w", "week",
      "mo", "month",
      "y", "year");

  private static final String TOTAL = "_total";

  private PrometheusNames() {}

  /**
   * The Prometheus names of one metric family.
   *
   * @param baseName the name without type suffix: what OpenMetrics' TYPE line and client_java's
   *     metadata carry ({@code weft_scrape_requests}, {@code jvm_memory_used_bytes})
   * @param unit the unit word that {@code baseName} ends with, or null
   * @param exposedName the family name in the Prometheus text format: {@code baseName} plus
   *     {@code _total} for counters
   */
  record Family(String baseName, String unit, String exposedName) {}

  /** The names of the metric {@code name} of this kind and UCUM unit. */
  static Family family(String name, MetricKind kind, String unit) {
    String base = metricName(name);
    boolean counter = kind == MetricKind.COUNTER;
    if (counter && base.length() > TOTAL.length() && base.endsWith(TOTAL)) {
      base = base.substring(0, base.length() - TOTAL.length());
    }
    String unitWord = unitWord(unit, kind);
    if (!unitWord.isEmpty() && !base.endsWith("_" + unitWord)) {
      base = collapseUnderscores(base + "_" + unitWord);
    }
    return new Family(base, unitWord.isEmpty() ? null : unitWord, counter ? base + TOTAL : base);
  }

  /** The metric name with invalid characters replaced; no unit or type suffix. */
  static String metricName(String name) {
    String sanitized = replaceInvalid(name, true);
    return !sanitized.isEmpty() && isDigit(sanitized.charAt(0)) ? "_" + sanitized : sanitized;
  }

  /**
   * The label name for an attribute key; empty if the key is empty. Several keys can map to one
   * label ({@code a.b} and {@code a_b}); {@link LabelMapping} joins their values.
   */
  static String label(String key) {
    String sanitized = replaceInvalid(key, false);
    return !sanitized.isEmpty() && isDigit(sanitized.charAt(0)) ? "key_" + sanitized : sanitized;
  }

  /** The unit word appended to a name of this kind, or "" if the unit adds none. */
  static String unitWord(String unit, MetricKind kind) {
    String u = withoutAnnotations(unit == null ? "" : unit).trim();
    if (u.equals("1")) {
      return kind == MetricKind.GAUGE ? "ratio" : "";
    }
    int slash = u.indexOf('/');
    String main = (slash < 0 ? u : u.substring(0, slash)).trim();
    String per = slash < 0 ? "" : u.substring(slash + 1).trim();
    String mainWord = main.isEmpty() || main.equals("1") ? "" : word(UNITS.getOrDefault(main, main));
    String perWord = per.isEmpty() ? "" : word(PER_UNITS.getOrDefault(per, per));
    if (perWord.isEmpty()) {
      return mainWord;
    }
    return mainWord.isEmpty() ? "per_" + perWord : mainWord + "_per_" + perWord;
  }

  /** Drops {@code {...}} annotations; an unclosed brace drops the rest. */
  private static String withoutAnnotations(String unit) {
    if (unit.indexOf('{') < 0) {
      return unit;
    }
    StringBuilder out = new StringBuilder(unit.length());
    int depth = 0;
    for (int i = 0; i < unit.length(); i++) {
      char c = unit.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && depth > 0) {
        depth--;
      } else if (depth == 0) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** A unit as a name part: sanitized, no leading or trailing underscore. */
  private static String word(String unit) {
    String w = replaceInvalid(unit, false);
    int start = w.startsWith("_") ? 1 : 0;
    int end = w.endsWith("_") && w.length() > start ? w.length() - 1 : w.length();
    return w.substring(start, end);
  }

  private static String replaceInvalid(String s, boolean colonAllowed) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean valid = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || (colonAllowed && c == ':');
      char next = valid ? c : '_';
      if (next != '_' || out.length() == 0 || out.charAt(out.length() - 1) != '_') {
        out.append(next);
      }
    }
    return out.toString();
  }

  private static String collapseUnderscores(String s) {
    return s.indexOf("__") < 0 ? s : s.replaceAll("_{2,}", "_");
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
