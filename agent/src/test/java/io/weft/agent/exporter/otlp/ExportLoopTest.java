package io.weft.agent.exporter.otlp;

import static io.weft.agent.exporter.otlp.OtlpRequests.metric;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsPartialSuccess;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.weft.agent.config.LogCapture;
import io.weft.agent.exporter.otlp.ScriptedReceiver.Answer;
import io.weft.agent.resource.Resource;
import io.weft.bootstrap.metrics.Counter;
import io.weft.bootstrap.metrics.MetricRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The export loop with the real SDK exporter against a scripted receiver on loopback. */
class ExportLoopTest {
  private final MetricRegistry registry = new MetricRegistry();
  private final Counter.Handle requests = registry.counter("demo.requests").register().bind();

  private ExportLoop loop(ScriptedReceiver receiver, Temporality temporality, Duration timeout, boolean gzip,
      Map<String, String> headers) {
    OtlpSettings settings = new OtlpSettings(receiver.endpoint(), headers, gzip, timeout, null, null, null,
        temporality, Duration.ofHours(1), Duration.ofSeconds(20), Duration.ofSeconds(5), List.of());
    MetricDataConverter converter = new MetricDataConverter(SdkExporter.resource(new Resource(Map.of())),
        SdkExporter.scope("test"), 0, temporality);
    return new ExportLoop(registry::collect, converter, SdkExporter.exporter(settings, receiver.endpoint()),
        receiver.endpoint(), Duration.ofHours(1).toNanos(), Duration.ofSeconds(20).toNanos());
  }

  private ExportLoop loop(ScriptedReceiver receiver, Temporality temporality) {
    return loop(receiver, temporality, Duration.ofSeconds(10), false, Map.of());
  }

  private static double requestsIn(ScriptedReceiver.Received received) {
    return metric(received.decode(), "demo.requests").getSum().getDataPoints(0).getAsDouble();
  }

  @Test
  void answers503ThreeTimesThen200AreRetriedWithinOneExportAndTheDataArrivesOnce() throws Exception {
    try (ScriptedReceiver receiver = new ScriptedReceiver(Answer.status(503, "Retry-After", "0"),
        Answer.status(503, "Retry-After", "0"), Answer.status(503, "Retry-After", "0"));
        LogCapture log = new LogCapture()) {
      ExportLoop loop = loop(receiver, Temporality.CUMULATIVE);
      requests.add(3);

      assertTrue(loop.exportNow(TimeUnit.SECONDS.toNanos(20)));

      List<ScriptedReceiver.Received> received = receiver.received();
      assertEquals(4, received.size());
      for (ScriptedReceiver.Received attempt : received) {
        assertArrayEquals(received.get(0).body(), attempt.body(), "every attempt carries the same batch");
      }
      assertEquals(3.0, requestsIn(received.get(3)));
      assertEquals(List.of(), log.lines());
    }
  }

  @Test
  void otherClientErrorsAreNotRetriedAndTheirDeltasAreDropped() throws Exception {
    try (ScriptedReceiver receiver = new ScriptedReceiver(Answer.status(400));
        LogCapture log = new LogCapture()) {
      ExportLoop loop = loop(receiver, Temporality.DELTA);
      requests.add(3);

      assertFalse(loop.exportNow(TimeUnit.SECONDS.toNanos(20)));
      assertEquals(1, receiver.received().size());
      assertEquals(List.of("[weft] WARN the OTLP receiver at " + receiver.endpoint() + " rejected an export with"
          + " HTTP 400; its 1 data point is dropped (not retried)"), log.lines());

      requests.add(4);
      assertTrue(loop.exportNow(TimeUnit.SECONDS.toNanos(20)));
      assertEquals(4.0, requestsIn(receiver.received().get(1)));
      assertEquals("[weft] INFO OTLP export to " + receiver.endpoint() + " works again", log.lines().get(1));
    }
  }

  @Test
  void deltasOfAnExportThatKeptFailingAreSentWithTheNextOne() throws Exception {
    // No Retry-After: the SDK's backoff (about 1 s) outlasts the 300 ms timeout, so one attempt per export.
    try (ScriptedReceiver receiver = new ScriptedReceiver(Answer.status(503));
        LogCapture log = new LogCapture()) {
      ExportLoop loop = loop(receiver, Temporality.DELTA, Duration.ofMillis(300), false, Map.of());
      requests.add(3);
      assertFalse(loop.exportNow(TimeUnit.SECONDS.toNanos(20)));
      assertEquals(List.of("[weft] WARN the OTLP receiver at " + receiver.endpoint() + " still answered HTTP 503"
          + " after retries; the data is sent again with the next export"), log.lines());

      requests.add(4);
      assertTrue(loop.exportNow(TimeUnit.SECONDS.toNanos(20)));

      assertEquals(2, receiver.received().size());
      assertEquals(3.0, requestsIn(receiver.received().get(0)));
      assertEquals(7.0, requestsIn(receiver.received().get(1)), "the failed interval merged into this one");
      requests.add(1);
      assertTrue(loop.exportNow(TimeUnit.SECONDS.toNanos(20)));
      assertEquals(1.0, requestsIn(receiver.received().get(2)));
    }
  }

  @Test
  void anUnreachableReceiverIsOneLineAndTheDataWaitsForTheNextExport() throws Exception {
    ScriptedReceiver gone = new ScriptedReceiver();
    gone.close();
    try (LogCapture log = new LogCapture()) {
      ExportLoop loop = loop(gone, Temporality.CUMULATIVE, Duration.ofMillis(300), false, Map.of());

      assertFalse(loop.exportNow(TimeUnit.SECONDS.toNanos(20)));
      assertFalse(loop.exportNow(TimeUnit.SECONDS.toNanos(20)));

      assertEquals(1, log.lines().size(), "rate-limited: " + log.lines());
      assertTrue(log.lines().get(0).startsWith("[weft] WARN cannot export metrics to the OTLP receiver at "
          + gone.endpoint() + ": ConnectException"), log.lines().get(0));
      assertTrue(log.lines().get(0).endsWith("; the data is sent again with the next export"), log.lines().get(0));
    }
  }

  @Test
  void gzipAndHeadersArrive() throws Exception {
    try (ScriptedReceiver receiver = new ScriptedReceiver()) {
      ExportLoop loop = loop(receiver, Temporality.CUMULATIVE, Duration.ofSeconds(10), true,
          Map.of("authorization", "Bearer s3cret", "x-tenant", "payments"));
      requests.add(2);

      assertTrue(loop.exportNow(TimeUnit.SECONDS.toNanos(20)));

      ScriptedReceiver.Received received = receiver.received().get(0);
      assertEquals("gzip", received.headers().get("content-encoding"));
      assertEquals("application/x-protobuf", received.headers().get("content-type"));
      assertEquals("Bearer s3cret", received.headers().get("authorization"));
      assertEquals("payments", received.headers().get("x-tenant"));
      assertEquals(2.0, requestsIn(received));
    }
  }

  @Test
  void aPartialSuccessIsLogged() throws Exception {
    byte[] partial = ExportMetricsServiceResponse.newBuilder().setPartialSuccess(
        ExportMetricsPartialSuccess.newBuilder().setRejectedDataPoints(1).setErrorMessage("unit not allowed"))
        .build().toByteArray();
    try (ScriptedReceiver receiver = new ScriptedReceiver(Answer.ok(partial));
        LogCapture log = new LogCapture()) {
      ExportLoop loop = loop(receiver, Temporality.CUMULATIVE);

      assertTrue(loop.exportNow(TimeUnit.SECONDS.toNanos(20)));

      assertEquals(List.of("[weft] WARN the OTLP receiver at " + receiver.endpoint() + " accepted an export only"
          + " in part: 1 data points rejected: unit not allowed"), log.lines());
    }
  }

  @Test
  void theExitFlushSendsOnceMore() throws Exception {
    try (ScriptedReceiver receiver = new ScriptedReceiver()) {
      ExportLoop loop = loop(receiver, Temporality.CUMULATIVE);
      requests.add(5);

      loop.flushAtExit(TimeUnit.SECONDS.toNanos(5), TimeUnit.SECONDS.toNanos(5));

      assertEquals(1, receiver.received().size());
      assertEquals(5.0, requestsIn(receiver.received().get(0)));
    }
  }

  @Test
  void theExitFlushGivesUpAtItsBoundWhenTheReceiverHangs() throws Exception {
    try (ScriptedReceiver receiver = new ScriptedReceiver(Answer.noAnswer(), Answer.noAnswer());
        LogCapture log = new LogCapture()) {
      ExportLoop loop = loop(receiver, Temporality.DELTA);
      assertFalse(loop.exportNow(TimeUnit.MILLISECONDS.toNanos(200)), "the periodic export is left unanswered");
      receiver.awaitReceived(1);

      long start = System.nanoTime();
      loop.flushAtExit(TimeUnit.MILLISECONDS.toNanos(800), TimeUnit.MILLISECONDS.toNanos(800));
      long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

      assertTrue(tookMillis >= 750 && tookMillis < 1500, "took " + tookMillis + " ms");
      assertEquals(1, receiver.received().size(), "no second delta while the first is unanswered");
      assertEquals(List.of("[weft] WARN the last OTLP export at exit did not reach " + receiver.endpoint()
          + " within WEFT_SHUTDOWN_TIMEOUT (800 ms); the metrics since the previous export are lost"), log.lines());
    }
  }

  @Test
  void aSecondExportIsNotStartedWhileOneIsUnanswered() throws Exception {
    try (ScriptedReceiver receiver = new ScriptedReceiver(Answer.noAnswer())) {
      ExportLoop loop = loop(receiver, Temporality.CUMULATIVE);
      assertFalse(loop.exportNow(TimeUnit.MILLISECONDS.toNanos(200)));
      receiver.awaitReceived(1);

      assertFalse(loop.exportNow(TimeUnit.MILLISECONDS.toNanos(200)));

      assertEquals(1, receiver.received().size());
      assertNotEquals(0, receiver.received().get(0).body().length);
    }
  }
}
