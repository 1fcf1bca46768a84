package io.weft.instrumentations.httpclient;

import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.bootstrap.snapshot.DataPoint;
import io.weft.bootstrap.snapshot.HistogramPoint;
import io.weft.bootstrap.snapshot.MetricSnapshot;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code http.client.request.duration} series of a registry as {@code "method status address port
 * version errorType" -> count}, with an absent value shown as {@code -}.
 */
final class Recorded {
  private Recorded() {}

  static Map<String, Long> counts(MetricRegistry registry) {
    Map<String, Long> counts = new TreeMap<>();
    MetricSnapshot m = registry.collect().find(HttpClientMetrics.DURATION);
    if (m == null) {
      return counts;
    }
    for (DataPoint p : m.points()) {
      StringBuilder key = new StringBuilder();
      for (Object v : p.attributes().values()) {
        key.append(key.length() == 0 ? "" : " ").append(v == null ? "-" : v);
      }
      counts.put(key.toString(), ((HistogramPoint) p).count());
    }
    return counts;
  }
}
