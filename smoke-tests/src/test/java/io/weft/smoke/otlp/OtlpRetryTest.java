package io.weft.smoke.otlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.weft.smoke.harness.BuildArtifacts;
import io.weft.smoke.harness.Demo;
import io.weft.smoke.harness.ForkedJvm;
import io.weft.smoke.harness.Jdk;
import io.weft.smoke.harness.Polling;
import io.weft.smoke.harness.otlp.OtlpMetrics;
import io.weft.smoke.harness.otlp.OtlpReceiver;
import io.weft.smoke.harness.otlp.OtlpReceiver.Answer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A receiver that is briefly overloaded: the agent retries as told, and the data arrives once. */
class OtlpRetryTest {

  @Test
  void answers503ThreeTimesThen200DeliverTheBatchOnceAfterWaitingAsRetryAfterSays() {
    Answer busy = Answer.status(503, "Retry-After", "2");
    try (OtlpReceiver receiver = OtlpReceiver.http(busy, busy, busy);
        Demo demo = Demo.start(ForkedJvm.on(Jdk.java17()).javaagent(BuildArtifacts.agentJar())
            .env("WEFT_EXPORTERS", "otlp")
            .env("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.baseUrl())
            .env("OTEL_METRIC_EXPORT_INTERVAL", "1500"), "otlp-retry")) {

      List<OtlpReceiver.Received> requests = receiver.awaitRequests(6, Polling.START);

      assertEquals(List.of(503, 503, 503, 200, 200, 200),
          requests.subList(0, 6).stream().map(OtlpReceiver.Received::status).toList());
      for (int i = 1; i < 4; i++) {
        assertArrayEquals(requests.get(0).body(), requests.get(i).body(), "attempt " + (i + 1) + " resends the batch");
        long gapMillis = TimeUnit.NANOSECONDS.toMillis(requests.get(i).nanos() - requests.get(i - 1).nanos());
        // The SDK's own backoff would be about 1 s, then 1.5 s: these waits are Retry-After's.
        assertTrue(gapMillis >= 1900, "attempt " + (i + 1) + " came after " + gapMillis + " ms");
      }
      long delivered = collectionTime(requests.get(3).request());
      for (OtlpReceiver.Received later : requests.subList(4, requests.size())) {
        assertTrue(collectionTime(later.request()) > delivered, "a later export is a new collection, not a resend");
      }
      assertEquals(List.of(), demo.stderrMatching(Demo.AGENT_PROBLEM), "retries that succeed are not a problem");
    }
  }

  /** The collection time of a request: every point of one collection carries the same one. */
  private static long collectionTime(ExportMetricsServiceRequest request) {
    return OtlpMetrics.find(request, "jvm.thread.count").getSum().getDataPoints(0).getTimeUnixNano();
  }
}
