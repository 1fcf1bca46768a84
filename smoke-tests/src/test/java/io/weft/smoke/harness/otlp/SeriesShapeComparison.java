package io.weft.smoke.harness.otlp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One metric's series from Weft beside the same metric's series from a reference agent, matched on a few
 * attribute values (method, route and status, say): for each matched pair, the attribute keys only one side
 * sends and the keys whose value types differ; besides, the series only one side has and the attributes Weft
 * sends with an empty string. Values are compared only to match series, never asserted.
 *
 * <pre>{@code
 * SeriesShapeComparison comparison = SeriesShapeComparison.of("http.server.request.duration",
 *     TypedSeries.of(weftExport, name), TypedSeries.of(otelExport, name),
 *     List.of("http.request.method", "http.route", "http.response.status_code"));
 * assertEquals(0, comparison.differences(), comparison.report());
 * }</pre>
 */
public final class SeriesShapeComparison {
  /** How a missing match attribute shows in a series' match key. */
  private static final String ABSENT = "(absent)";

  private final String metric;
  private final List<String> matchKeys;
  private final List<TypedSeries> weft;
  private final List<TypedSeries> reference;
  private final List<String> lines = new ArrayList<>();
  private int differences;

  private SeriesShapeComparison(String metric, List<TypedSeries> weft, List<TypedSeries> reference,
      List<String> matchKeys) {
    this.metric = metric;
    this.weft = weft;
    this.reference = reference;
    this.matchKeys = matchKeys;
  }

  /** Compares the two sides' series of {@code metric}, matching series whose {@code matchKeys} have equal text. */
  public static SeriesShapeComparison of(String metric, List<TypedSeries> weft, List<TypedSeries> reference,
      List<String> matchKeys) {
    SeriesShapeComparison comparison = new SeriesShapeComparison(metric, weft, reference, matchKeys);
    comparison.compare();
    return comparison;
  }

  /** Key-set differences, type differences, unmatched series and empty Weft values, counted one each. */
  public int differences() {
    return differences;
  }

  /** The readable comparison: per metric, per series, keys only in Weft, keys only in the reference, types. */
  public String report() {
    return String.join("\n", lines);
  }

  private void compare() {
    lines.add(metric + ": " + weft.size() + " Weft series, " + reference.size()
        + " OpenTelemetry agent series, matched on " + matchKeys);
    Set<String> weftKeys = allKeys(weft);
    Set<String> referenceKeys = allKeys(reference);
    lines.add("  Weft keys:          " + weftKeys);
    lines.add("  OpenTelemetry keys: " + referenceKeys);
    Set<String> onlyWeft = minus(weftKeys, referenceKeys);
    Set<String> onlyReference = minus(referenceKeys, weftKeys);
    if (!onlyWeft.isEmpty()) {
      lines.add("  keys Weft sends on some series, the OpenTelemetry agent on none: " + onlyWeft);
    }
    if (!onlyReference.isEmpty()) {
      lines.add("  keys the OpenTelemetry agent sends on some series, Weft on none: " + onlyReference);
    }

    Map<String, List<TypedSeries>> weftByKey = byMatchKey(weft);
    Map<String, List<TypedSeries>> referenceByKey = byMatchKey(reference);
    Set<String> allMatchKeys = new TreeSet<>(weftByKey.keySet());
    allMatchKeys.addAll(referenceByKey.keySet());
    for (String key : allMatchKeys) {
      List<TypedSeries> weftSeries = weftByKey.getOrDefault(key, List.of());
      List<TypedSeries> referenceSeries = referenceByKey.getOrDefault(key, List.of());
      lines.add("  series " + key + ":");
      weftSeries.forEach(series -> lines.add("    Weft:          " + series));
      referenceSeries.forEach(series -> lines.add("    OpenTelemetry: " + series));
      List<String> found = new ArrayList<>();
      weftSeries.forEach(series -> emptyValues(series, found));
      if (weftSeries.isEmpty()) {
        found.add("only the OpenTelemetry agent has this series");
      } else if (referenceSeries.isEmpty()) {
        found.add("only Weft has this series");
      } else {
        Set<String> distinct = new LinkedHashSet<>();
        for (TypedSeries w : weftSeries) {
          for (TypedSeries r : referenceSeries) {
            shapeDifferences(w, r, distinct);
          }
        }
        found.addAll(distinct);
      }
      found.forEach(line -> lines.add("    DIFF " + line));
      differences += found.size();
      if (found.isEmpty()) {
        lines.add("    same keys, same types");
      }
    }
    lines.add("  " + differences + " difference(s)");
  }

  private static void shapeDifferences(TypedSeries weft, TypedSeries reference, Set<String> found) {
    Set<String> onlyWeft = minus(weft.attributes().keySet(), reference.attributes().keySet());
    Set<String> onlyReference = minus(reference.attributes().keySet(), weft.attributes().keySet());
    if (!onlyWeft.isEmpty()) {
      found.add("keys only in Weft: " + describe(weft, onlyWeft));
    }
    if (!onlyReference.isEmpty()) {
      found.add("keys only in OpenTelemetry: " + describe(reference, onlyReference));
    }
    for (Map.Entry<String, TypedSeries.Value> entry : weft.attributes().entrySet()) {
      TypedSeries.Value other = reference.attributes().get(entry.getKey());
      if (other != null && !other.type().equals(entry.getValue().type())) {
        found.add("type of " + entry.getKey() + ": Weft " + entry.getValue() + ", OpenTelemetry " + other);
      }
    }
  }

  private static void emptyValues(TypedSeries series, List<String> found) {
    series.attributes().forEach((key, value) -> {
      if (value.type().equals("string") && value.text().isEmpty()) {
        found.add("empty string in Weft: " + key + "=\"\"");
      }
    });
  }

  private static String describe(TypedSeries series, Set<String> keys) {
    Map<String, TypedSeries.Value> shown = new TreeMap<>();
    keys.forEach(key -> shown.put(key, series.attributes().get(key)));
    return shown.toString();
  }

  private Map<String, List<TypedSeries>> byMatchKey(List<TypedSeries> series) {
    Map<String, List<TypedSeries>> grouped = new LinkedHashMap<>();
    for (TypedSeries one : series) {
      grouped.computeIfAbsent(matchKey(one), key -> new ArrayList<>()).add(one);
    }
    return grouped;
  }

  private String matchKey(TypedSeries series) {
    List<String> parts = new ArrayList<>();
    for (String key : matchKeys) {
      String text = series.text(key);
      parts.add(text == null ? ABSENT : text.isEmpty() ? "\"\"" : text);
    }
    return String.join(" ", parts);
  }

  private static Set<String> allKeys(List<TypedSeries> series) {
    Set<String> keys = new TreeSet<>();
    series.forEach(one -> keys.addAll(one.attributes().keySet()));
    return keys;
  }

  private static Set<String> minus(Set<String> from, Set<String> removed) {
    Set<String> rest = new TreeSet<>(from);
    rest.removeAll(removed);
    return rest;
  }
}
