package io.weft.agent.exporter.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsPartialSuccess;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PartialSuccessTest {

  @Test
  void readsRejectedPointsAndTheMessage() {
    byte[] body = ExportMetricsServiceResponse.newBuilder()
        .setPartialSuccess(ExportMetricsPartialSuccess.newBuilder()
            .setRejectedDataPoints(300_000_000_000L).setErrorMessage("too many séries"))
        .build().toByteArray();

    assertEquals(new PartialSuccess(300_000_000_000L, "too many séries"), PartialSuccess.parse(body));
  }

  @Test
  void aMessageWithoutRejectionsIsStillReported() {
    byte[] body = ExportMetricsServiceResponse.newBuilder()
        .setPartialSuccess(ExportMetricsPartialSuccess.newBuilder().setErrorMessage("deprecated unit"))
        .build().toByteArray();

    assertEquals(new PartialSuccess(0, "deprecated unit"), PartialSuccess.parse(body));
  }

  @Test
  void fullSuccessIsNothingToReport() {
    assertNull(PartialSuccess.parse(new byte[0]));
    assertNull(PartialSuccess.parse(null));
    assertNull(PartialSuccess.parse(ExportMetricsServiceResponse.getDefaultInstance().toByteArray()));
    assertNull(PartialSuccess.parse(ExportMetricsServiceResponse.newBuilder()
        .setPartialSuccess(ExportMetricsPartialSuccess.getDefaultInstance()).build().toByteArray()));
  }

  @Test
  void somethingElseIsNotMistakenForAPartialSuccess() {
    byte[] body = ExportMetricsServiceResponse.newBuilder()
        .setPartialSuccess(ExportMetricsPartialSuccess.newBuilder().setRejectedDataPoints(5))
        .build().toByteArray();

    assertNull(PartialSuccess.parse("<html>Bad Gateway</html>".getBytes(StandardCharsets.UTF_8)));
    assertNull(PartialSuccess.parse(Arrays.copyOf(body, body.length - 1)), "truncated");
  }
}
