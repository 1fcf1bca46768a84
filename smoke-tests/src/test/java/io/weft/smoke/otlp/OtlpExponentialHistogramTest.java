package io.weft.smoke.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.weft.smoke.harness.BuildArtifacts;
import io.weft.smoke.harness.Demo;
import io.weft.smoke.harness.Exposition;
import io.weft.smoke.harness.ForkedJvm;
import io.weft.smoke.harness.FreePort;
import io.weft.smoke.harness.Jdk;
import io.weft.smoke.harness.Polling;
import io.weft.smoke.harness.Sample;
import io.weft.smoke.harness.Scrape;
import io.weft.smoke.harness.otlp.OtlpMetrics;
import io.weft.smoke.harness.otlp.OtlpReceiver;
import io.weft.smoke.harness.otlp.PrometheusTranslation;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * {@code OTEL_EXPORTER_OTLP_METRICS_DEFAULT_HISTOGRAM_AGGREGATION=base2_exponential_bucket_histogram}: the
 * receiver gets exponential histograms whose counts and sums are those the scrape endpoint shows for its
 * explicit buckets in the same run; with {@code lowmemory}, request durations arrive as deltas while the
 * JVM's callback counters stay cumulative.
 */
class OtlpExponentialHistogramTest {
  private static final String DURATION = "http.server.request.duration";
  private static final int HELLOS = 5;
  private static final int USERS = 3;

  @Test
  void cumulativeExponentialHistogramsCountAndSumWhatTheScrapeShows() {
    int metricsPort = FreePort.pick();
    try (OtlpReceiver receiver = OtlpReceiver.http();
        Demo demo = start(receiver, metricsPort, "cumulative", "otlp-exponential")) {
      request(demo);

      ExportMetricsServiceRequest export = awaitExport(receiver, HELLOS + USERS);
      Metric duration = OtlpMetrics.find(export, DURATION);
      assertEquals(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE,
          duration.getExponentialHistogram().getAggregationTemporality());
      Exposition scrape = Exposition.parse(Scrape.get(URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).text());
      String family = "http_server_request_duration_seconds";
      for (ExponentialHistogramDataPoint point : duration.getExponentialHistogram().getDataPointsList()) {
        Map<String, String> labels = labels(point);
        assertEquals(scraped(scrape, family + "_count", labels), (double) point.getCount(), labels + " count");
        assertEquals(scraped(scrape, family + "_sum", labels), point.getSum(), labels + " sum");
        assertBucketsAddUp(point);
        assertTrue(point.getScale() <= 20 && point.hasMin() && point.hasMax(), point.toString());
      }
      assertEquals(List.of(), demo.stderrMatching(Demo.AGENT_PROBLEM));
    }
  }

  @Test
  void lowMemorySendsRequestDurationsAsDeltasAndJvmCallbackCountersCumulative() {
    int metricsPort = FreePort.pick();
    try (OtlpReceiver receiver = OtlpReceiver.http();
        Demo demo = start(receiver, metricsPort, "lowmemory", "otlp-exponential-lowmemory")) {
      request(demo);

      long deadline = System.nanoTime() + Polling.SHORT.toNanos();
      long counted = 0;
      for (int seen = 1; counted < HELLOS + USERS && System.nanoTime() - deadline < 0; seen++) {
        ExportMetricsServiceRequest request = receiver.awaitRequests(seen, Polling.SHORT).get(seen - 1).request();
        Metric duration = OtlpMetrics.find(request, DURATION);
        if (duration != null) {
          assertEquals(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA,
              duration.getExponentialHistogram().getAggregationTemporality());
          for (ExponentialHistogramDataPoint point : duration.getExponentialHistogram().getDataPointsList()) {
            assertBucketsAddUp(point);
            counted += point.getCount();
          }
        }
        for (String callbackCounter : List.of("jvm.class.loaded", "jvm.cpu.time")) {
          Metric counter = OtlpMetrics.find(request, callbackCounter);
          assertTrue(counter.getSum().getIsMonotonic(), callbackCounter);
          assertEquals(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE,
              counter.getSum().getAggregationTemporality(), callbackCounter);
        }
      }
      assertEquals(HELLOS + USERS, counted, "the deltas add up to the requests made");
      Exposition scrape = Exposition.parse(Scrape.get(URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).text());
      double scrapedCount = scrape.samples("http_server_request_duration_seconds_count").stream()
          .mapToDouble(Sample::value).sum();
      assertEquals(HELLOS + USERS, scrapedCount);
      ExportMetricsServiceRequest later = receiver.awaitRequests(receiver.requests().size() + 1, Polling.SHORT)
          .get(receiver.requests().size() - 1).request();
      NumberDataPoint loaded = OtlpMetrics.find(later, "jvm.class.loaded").getSum().getDataPoints(0);
      assertTrue(loaded.getAsDouble() > 1000, "a cumulative count of loaded classes, not a change: " + loaded);
    }
  }

  private static Demo start(OtlpReceiver receiver, int metricsPort, String temporality, String name) {
    return Demo.start(ForkedJvm.on(Jdk.java17()).javaagent(BuildArtifacts.agentJar())
        .env("WEFT_EXPORTERS", "prometheus,otlp")
        .env("WEFT_PROMETHEUS_PORT", String.valueOf(metricsPort))
        .env("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.baseUrl())
        .env("OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE", temporality)
        .env("OTEL_EXPORTER_OTLP_METRICS_DEFAULT_HISTOGRAM_AGGREGATION", "base2_exponential_bucket_histogram")
        .env("OTEL_METRIC_EXPORT_INTERVAL", "300"), name);
  }

  private static void request(Demo demo) {
    for (int i = 0; i < HELLOS; i++) {
      assertEquals(200, Scrape.get(demo.uri("/hello")).status());
    }
    for (int i = 0; i < USERS; i++) {
      assertEquals(200, Scrape.get(demo.uri("/users/" + (i + 1))).status());
    }
  }

  /** The first export whose request-duration points count all the requests. */
  private static ExportMetricsServiceRequest awaitExport(OtlpReceiver receiver, long requests) {
    long deadline = System.nanoTime() + Polling.SHORT.toNanos();
    for (int seen = 1; System.nanoTime() - deadline < 0; seen++) {
      ExportMetricsServiceRequest request = receiver.awaitRequests(seen, Polling.SHORT).get(seen - 1).request();
      Metric duration = OtlpMetrics.find(request, DURATION);
      if (duration != null) {
        assertTrue(duration.hasExponentialHistogram(), duration.getDataCase().toString());
        long count = duration.getExponentialHistogram().getDataPointsList().stream()
            .mapToLong(ExponentialHistogramDataPoint::getCount).sum();
        if (count == requests) {
          return request;
        }
      }
    }
    return Assertions.fail("no export counted " + requests + " requests");
  }

  private static void assertBucketsAddUp(ExponentialHistogramDataPoint point) {
    long buckets = point.getZeroCount()
        + point.getPositive().getBucketCountsList().stream().mapToLong(Long::longValue).sum()
        + point.getNegative().getBucketCountsList().stream().mapToLong(Long::longValue).sum();
    assertEquals(point.getCount(), buckets, point.toString());
  }

  private static Map<String, String> labels(ExponentialHistogramDataPoint point) {
    Map<String, String> labels = new HashMap<>();
    OtlpMetrics.attributes(point.getAttributesList())
        .forEach((key, value) -> labels.put(PrometheusTranslation.label(key), value));
    return labels;
  }

  private static double scraped(Exposition scrape, String name, Map<String, String> labels) {
    List<Sample> samples = scrape.samples(name).stream().filter(s -> s.labels().equals(labels)).toList();
    assertEquals(1, samples.size(), name + labels + " in " + scrape.samples(name));
    return samples.get(0).value();
  }
}
