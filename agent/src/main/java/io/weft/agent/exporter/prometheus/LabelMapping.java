package io.weft.agent.exporter.prometheus;

import io.prometheus.metrics.model.snapshots.Labels;
import io.weft.bootstrap.metrics.AttributeKey;
import io.weft.bootstrap.metrics.AttributeType;
import io.weft.bootstrap.snapshot.Attributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns one metric's attribute keys into Prometheus label names, once per metric and scrape, so
 * that each series only pairs names with its values.
 *
 * <pre>{@code
 * LabelMapping mapping = LabelMapping.of(List.of("http.request.method", "http.route", "error.type"));
 * Labels labels = mapping.labels(pointAttributes);   // error.type absent
 * // {http_request_method="GET", http_route="/users/{id}"}
 * }</pre>
 *
 * <p>Absent attributes are left out of the labels, and integers are written in decimal.
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
  boolean isFor(List<AttributeKey> otherKeys) {
    if (otherKeys.size() != keys.size()) {
      return false;
    }
    for (int i = 0; i < keys.size(); i++) {
      if (!keys.get(i).equals(otherKeys.get(i).name())) {
        return false;
      }
    }
    return true;
  }

  /**
   * The labels for one series, absent attributes left out. Cost: a values array, client_java's
   * copies and sort of the names.
   */
  Labels labels(Attributes attributes) {
    if (names.length == 0) {
      return Labels.EMPTY;
    }
    String[] labelValues = new String[names.length];
    int absent = 0;
    for (int i = 0; i < names.length; i++) {
      int[] from = sources[i];
      String value = null;
      for (int index : from) {
        Object v = attributes.value(index);
        if (v != null) {
          value = value == null ? AttributeType.text(v) : value + ";" + AttributeType.text(v);
        }
      }
      labelValues[i] = value;
      if (value == null) {
        absent++;
      }
    }
    if (absent == 0) {
      return Labels.of(names, labelValues); // copies both arrays
    }
    if (absent == names.length) {
      return Labels.EMPTY;
    }
    String[] presentNames = new String[names.length - absent];
    String[] presentValues = new String[presentNames.length];
    for (int i = 0, n = 0; i < names.length; i++) {
      if (labelValues[i] != null) {
        presentNames[n] = names[i];
        presentValues[n++] = labelValues[i];
      }
    }
    return Labels.of(presentNames, presentValues);
  }
}
