package io.weft.agent.exporter.prometheus;

import io.prometheus.metrics.model.snapshots.Labels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns one metric's attribute keys into Prometheus label names, once per metric and scrape, so
 * that each series only pairs names with its values.
 *
 * <pre>{@code
 * LabelMapping mapping = LabelMapping.of(List.of("http.request.method", "http.route"));
 * Labels labels = mapping.labels(List.of("GET", "/users/{id}"));
 * // {http_request_method="GET", http_route="/users/{id}"}
 * }</pre>
 *
 * <p>Why a mapping and not a per-key rename: two keys can sanitize to the same label ({@code a.b}
 * and {@code a_b}). The specification then joins their values with {@code ;}, ordered by the
 * original keys; a Prometheus series cannot carry one label twice. Keys that sanitize to nothing are
 * dropped.
 */
final class LabelMapping {

  private final List<String> keys;
  private final String[] names;
  /** For each label, the indexes of the attribute values it joins, in original-key order. */
  private final int[][] sources;

  private LabelMapping(List<String> keys, String[] names, int[][] sources) {
    this.keys = keys;
    this.names = names;
    this.sources = sources;
  }

  static LabelMapping of(List<String> keys) {
    Map<String, TreeMap<String, Integer>> byLabel = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      String label = PrometheusNames.label(keys.get(i));
      if (!label.isEmpty()) {
        byLabel.computeIfAbsent(label, l -> new TreeMap<>()).put(keys.get(i), i);
      }
    }
    String[] names = new String[byLabel.size()];
    int[][] sources = new int[byLabel.size()][];
    int n = 0;
    for (Map.Entry<String, TreeMap<String, Integer>> e : byLabel.entrySet()) {
      names[n] = e.getKey();
      sources[n] = e.getValue().values().stream().mapToInt(Integer::intValue).toArray();
      n++;
    }
    return new LabelMapping(List.copyOf(keys), names, sources);
  }

  /** True if this mapping was built for these keys (the common case: the metric's declared keys). */
  boolean isFor(List<String> otherKeys) {
    return keys == otherKeys || keys.equals(otherKeys);
  }

  /** The labels for one series. Cost: a values array, client_java's copies and sort of the names. */
  Labels labels(List<String> values) {
    if (names.length == 0) {
      return Labels.EMPTY;
    }
    String[] labelValues = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      int[] from = sources[i];
      if (from.length == 1) {
        labelValues[i] = values.get(from[0]);
      } else {
        List<String> joined = new ArrayList<>(from.length);
        for (int index : from) {
          joined.add(values.get(index));
        }
        labelValues[i] = String.join(";", joined);
      }
    }
    return Labels.of(names, labelValues); // copies both arrays
  }
}
