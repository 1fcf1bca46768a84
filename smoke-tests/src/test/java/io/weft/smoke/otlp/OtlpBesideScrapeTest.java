package io.weft.smoke.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Both exporters on one registry in one run: what the OTLP receiver gets matches what /metrics shows, in
 * names, types, units, descriptions, attributes, histogram buckets and resource attributes.
 */
class OtlpBesideScrapeTest {

  @Test
  void theOtlpExportAndTheScrapeDescribeTheSameMetrics() {
    int metricsPort = FreePort.pick();
    try (OtlpReceiver receiver = OtlpReceiver.http();
        Demo demo = Demo.start(ForkedJvm.on(Jdk.java17()).javaagent(BuildArtifacts.agentJar())
            .env("WEFT_EXPORTERS", "prometheus,otlp")
            .env("WEFT_PROMETHEUS_PORT", String.valueOf(metricsPort))
            .env("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.baseUrl())
            .env("OTEL_METRIC_EXPORT_INTERVAL", "500")
            .env("OTEL_SERVICE_NAME", "orders"), "otlp-beside-scrape")) {
      String started = demo.awaitAgentStarted();
      assertTrue(started.endsWith("; metrics served on http://127.0.0.1:" + metricsPort + "/metrics (auth off, TLS"
          + " off); metrics pushed to " + receiver.metricsUrl() + " every 500ms (OTLP http/protobuf, cumulative)"),
          started);
      Scrape.awaitListening(metricsPort, Polling.SHORT);
      URI metrics = URI.create("http://127.0.0.1:" + metricsPort + "/metrics");
      Scrape.get(metrics); // So that the scrape's own metrics have their series in both views.

      Comparison comparison = stableComparison(receiver, metrics);

      assertSameMetrics(comparison.export, comparison.scrape);
      assertEquals(List.of(), demo.stderrMatching(Demo.AGENT_PROBLEM));
    }
  }

  /** A scrape taken between two exports that hold the same series, and the export after it. */
  private static Comparison stableComparison(OtlpReceiver receiver, URI metrics) {
    long deadline = System.nanoTime() + Polling.START.toNanos();
    while (System.nanoTime() - deadline < 0) {
      int before = receiver.awaitRequests(1, Polling.SHORT).size();
      Exposition scrape = Exposition.parse(Scrape.get(metrics).text());
      List<OtlpReceiver.Received> requests = receiver.awaitRequests(before + 1, Polling.SHORT);
      ExportMetricsServiceRequest previous = requests.get(before - 1).request();
      ExportMetricsServiceRequest next = requests.get(before).request();
      if (OtlpMetrics.series(previous).equals(OtlpMetrics.series(next))) {
        return new Comparison(next, scrape);
      }
    }
    return Assertions.fail("the series kept changing between exports");
  }

  private record Comparison(ExportMetricsServiceRequest export, Exposition scrape) {}

  private static void assertSameMetrics(ExportMetricsServiceRequest export, Exposition scrape) {
    ScopeMetrics scope = export.getResourceMetrics(0).getScopeMetrics(0);
    assertEquals("io.weft", scope.getScope().getName());
    assertEquals(BuildArtifacts.version(), scope.getScope().getVersion());

    Map<String, String> resource = OtlpMetrics.resource(export);
    assertEquals("orders", resource.get("service.name"));
    Map<String, String> expectedTargetInfo = new LinkedHashMap<>();
    resource.forEach((key, value) -> expectedTargetInfo.put(PrometheusTranslation.label(key), value));
    assertEquals(expectedTargetInfo, scrape.only("target_info").labels());

    Set<String> expectedFamilies = new TreeSet<>();
    for (Metric metric : OtlpMetrics.metrics(export)) {
      String family = PrometheusTranslation.family(metric);
      expectedFamilies.add(family);
      Exposition.Family declared = scrape.families().get(family);
      assertNotNull(declared, family + " (" + metric.getName() + ") is missing from the scrape");
      assertEquals(PrometheusTranslation.type(metric), declared.type(), family);
      assertEquals(metric.getDescription(), declared.help(), family);
      assertEquals(labelSets(metric), scrapedLabelSets(scrape, metric, family), family + " series");
      if (metric.getDataCase() == Metric.DataCase.HISTOGRAM) {
        for (HistogramDataPoint point : metric.getHistogram().getDataPointsList()) {
          assertEquals(bucketBounds(point), scrapedBounds(scrape, family, point.getAttributesList()), family + " le");
        }
      }
    }
    Set<String> scrapedFamilies = new TreeSet<>(scrape.families().keySet());
    scrapedFamilies.remove("target_info");
    assertEquals(expectedFamilies, scrapedFamilies);
  }

  private static Set<Map<String, String>> labelSets(Metric metric) {
    Set<Map<String, String>> sets = new HashSet<>();
    for (List<KeyValue> attributes : OtlpMetrics.pointAttributes(metric)) {
      sets.add(labels(attributes));
    }
    return sets;
  }

  private static Map<String, String> labels(List<KeyValue> attributes) {
    Map<String, String> labels = new HashMap<>();
    OtlpMetrics.attributes(attributes).forEach((key, value) -> labels.put(PrometheusTranslation.label(key), value));
    return labels;
  }

  private static Set<Map<String, String>> scrapedLabelSets(Exposition scrape, Metric metric, String family) {
    String sampleName = metric.getDataCase() == Metric.DataCase.HISTOGRAM ? family + "_count" : family;
    Set<Map<String, String>> sets = new HashSet<>();
    for (Sample sample : scrape.samples(sampleName)) {
      sets.add(sample.labels());
    }
    return sets;
  }

  private static Set<Double> bucketBounds(HistogramDataPoint point) {
    Set<Double> bounds = new TreeSet<>(point.getExplicitBoundsList());
    bounds.add(Double.POSITIVE_INFINITY);
    return bounds;
  }

  private static Set<Double> scrapedBounds(Exposition scrape, String family, List<KeyValue> attributes) {
    Map<String, String> labels = labels(attributes);
    Set<Double> bounds = new TreeSet<>();
    for (Sample sample : scrape.samples(family + "_bucket")) {
      Map<String, String> withoutLe = new HashMap<>(sample.labels());
      String le = withoutLe.remove("le");
      if (withoutLe.equals(labels)) {
        bounds.add(le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le));
      }
    }
    return bounds;
  }
}
