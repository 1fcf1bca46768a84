package io.weft.smoke.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.weft.smoke.harness.BuildArtifacts;
import io.weft.smoke.harness.Demo;
import io.weft.smoke.harness.ForkedJvm;
import io.weft.smoke.harness.FreePort;
import io.weft.smoke.harness.Jdk;
import io.weft.smoke.harness.Polling;
import io.weft.smoke.harness.Scrape;
import io.weft.smoke.harness.otlp.OtlpMetrics;
import io.weft.smoke.harness.otlp.OtlpReceiver;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Two demos side by side, one exporting deltas and one cumulative values, each scraped the same number
 * of times: the deltas the first one sent add up to the cumulative values the second one sent.
 */
class OtlpDeltaTest {
  private static final String REQUESTS = "weft.scrape.requests";
  private static final String DURATION = "weft.scrape.duration";
  private static final int GETS = 5;
  private static final int POSTS = 2;

  @Test
  void theSumOfDeltasEqualsTheCumulativeValueOfAParallelCumulativeRun() {
    int deltaPort = FreePort.pick();
    int cumulativePort = FreePort.pick();
    try (OtlpReceiver deltaReceiver = OtlpReceiver.http();
        OtlpReceiver cumulativeReceiver = OtlpReceiver.http();
        Demo delta = start(deltaReceiver, deltaPort, "delta");
        Demo cumulative = start(cumulativeReceiver, cumulativePort, "cumulative")) {
      scrape(deltaPort);
      scrape(cumulativePort);

      ExportMetricsServiceRequest last = awaitCumulative(cumulativeReceiver);
      Map<String, Double> cumulativeRequests = values(last.getResourceMetrics(0).getScopeMetrics(0).getMetricsList()
          .stream().filter(m -> m.getName().equals(REQUESTS)).findFirst().orElseThrow());
      assertEquals(Map.of("200", (double) GETS, "405", (double) POSTS, "500", 0.0), cumulativeRequests);
      long cumulativeCount = histogram(last).getCount();
      assertEquals(GETS + POSTS, cumulativeCount);
      assertTrue(histogram(last).hasMin() && histogram(last).hasMax(), "cumulative histograms carry min and max");

      List<ExportMetricsServiceRequest> deltas = awaitDeltaSums(deltaReceiver, cumulativeRequests, cumulativeCount);
      assertDeltasAreContiguousAndUpDownCountersCumulative(deltas);
    }
  }

  private static Demo start(OtlpReceiver receiver, int metricsPort, String temporality) {
    return Demo.start(ForkedJvm.on(Jdk.java17()).javaagent(BuildArtifacts.agentJar())
        .env("WEFT_EXPORTERS", "prometheus,otlp")
        .env("WEFT_PROMETHEUS_PORT", String.valueOf(metricsPort))
        .env("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.baseUrl())
        .env("OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE", temporality)
        .env("OTEL_METRIC_EXPORT_INTERVAL", "300"), "otlp-" + temporality);
  }

  /** The same requests to both: GETs answered 200, POSTs 405. */
  private static void scrape(int port) {
    Scrape.awaitListening(port, Polling.SHORT);
    URI metrics = URI.create("http://127.0.0.1:" + port + "/metrics");
    for (int i = 0; i < GETS; i++) {
      assertEquals(200, Scrape.get(metrics).status());
    }
    for (int i = 0; i < POSTS; i++) {
      assertEquals(405, Scrape.send("POST", metrics).status());
    }
  }

  /** The first cumulative export that has all the scrapes. */
  private static ExportMetricsServiceRequest awaitCumulative(OtlpReceiver receiver) {
    long deadline = System.nanoTime() + Polling.SHORT.toNanos();
    for (int seen = 1; System.nanoTime() - deadline < 0; seen++) {
      ExportMetricsServiceRequest request = receiver.awaitRequests(seen, Polling.SHORT).get(seen - 1).request();
      Metric duration = OtlpMetrics.find(request, DURATION);
      if (duration != null && duration.getHistogram().getDataPoints(0).getCount() == GETS + POSTS) {
        assertEquals(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE,
            duration.getHistogram().getAggregationTemporality());
        return request;
      }
    }
    return Assertions.fail("no cumulative export with " + (GETS + POSTS) + " scrapes");
  }

  /** Waits until the deltas received add up to the cumulative values; returns the delta exports. */
  private static List<ExportMetricsServiceRequest> awaitDeltaSums(OtlpReceiver receiver,
      Map<String, Double> cumulativeRequests, long cumulativeCount) {
    long deadline = System.nanoTime() + Polling.SHORT.toNanos();
    Map<String, Double> requestSums = new HashMap<>();
    long countSum = 0;
    for (int seen = 1; System.nanoTime() - deadline < 0; seen++) {
      ExportMetricsServiceRequest request = receiver.awaitRequests(seen, Polling.SHORT).get(seen - 1).request();
      Metric requests = OtlpMetrics.find(request, REQUESTS);
      if (requests != null) {
        assertEquals(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA, requests.getSum().getAggregationTemporality());
        values(requests).forEach((status, value) -> requestSums.merge(status, value, Double::sum));
      }
      Metric duration = OtlpMetrics.find(request, DURATION);
      if (duration != null) {
        HistogramDataPoint point = duration.getHistogram().getDataPoints(0);
        assertEquals(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA,
            duration.getHistogram().getAggregationTemporality());
        assertFalse(point.hasMin() || point.hasMax(), "delta histograms have no min or max");
        assertEquals(point.getCount(), point.getBucketCountsList().stream().mapToLong(Long::longValue).sum());
        countSum += point.getCount();
      }
      if (requestSums.equals(cumulativeRequests) && countSum == cumulativeCount) {
        return receiver.requests().subList(0, seen).stream().map(OtlpReceiver.Received::request).toList();
      }
    }
    return Assertions.fail("the deltas add up to " + requestSums + " and " + countSum + " scrapes, not "
        + cumulativeRequests + " and " + cumulativeCount);
  }

  /** Each delta starts where the previous one for the series ended; up-down counters stay cumulative. */
  private static void assertDeltasAreContiguousAndUpDownCountersCumulative(List<ExportMetricsServiceRequest> deltas) {
    Map<String, Long> lastEnd = new HashMap<>();
    for (ExportMetricsServiceRequest request : deltas) {
      Metric requests = OtlpMetrics.find(request, REQUESTS);
      if (requests != null) {
        for (NumberDataPoint point : requests.getSum().getDataPointsList()) {
          String series = OtlpMetrics.attributes(point.getAttributesList()).toString();
          Long previous = lastEnd.put(series, point.getTimeUnixNano());
          if (previous != null) {
            assertEquals(previous.longValue(), point.getStartTimeUnixNano(), "delta of " + series);
          }
        }
      }
      Metric threads = OtlpMetrics.find(request, "jvm.thread.count");
      assertFalse(threads.getSum().getIsMonotonic());
      assertEquals(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE, threads.getSum().getAggregationTemporality());
    }
  }

  /** A sum's values by status code. */
  private static Map<String, Double> values(Metric metric) {
    Map<String, Double> values = new HashMap<>();
    for (NumberDataPoint point : metric.getSum().getDataPointsList()) {
      values.put(OtlpMetrics.attributes(point.getAttributesList()).get("http.response.status_code"), point.getAsDouble());
    }
    return values;
  }

  private static HistogramDataPoint histogram(ExportMetricsServiceRequest request) {
    return OtlpMetrics.find(request, DURATION).getHistogram().getDataPoints(0);
  }
}
