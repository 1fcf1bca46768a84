package io.weft.smoke.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.smoke.harness.Jdk;
import io.weft.smoke.harness.otlp.OtlpMetrics;
import io.weft.smoke.harness.otlp.OtlpReceiver;
import io.weft.smoke.harness.otlp.TestTls;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OTLP over HTTPS to a receiver whose certificate a test CA signed, with and without client certificates. */
class OtlpTlsTest {
  @TempDir
  static Path directory;
  private static TestTls tls;

  @BeforeAll
  static void makeCertificates() {
    tls = TestTls.create(directory);
  }

  @Test
  void theTestCaVerifiesTheReceiverAndTheClientCertificateIsShown() {
    try (OtlpReceiver receiver = OtlpReceiver.https(tls, true)) {
      ShortLivedRun run = ShortLivedRun.withAgent(Jdk.java17(), "otlp-mtls", Map.of(
          "WEFT_EXPORTERS", "otlp",
          "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.baseUrl(),
          "OTEL_EXPORTER_OTLP_CERTIFICATE", tls.caPem().toString(),
          "OTEL_EXPORTER_OTLP_CLIENT_KEY", tls.clientKeyPem().toString(),
          "OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE", tls.clientCertificatePem().toString()));

      assertEquals(1, receiver.requests().size(), run.toString());
      assertNotNull(OtlpMetrics.find(receiver.requests().get(0).request(), "jvm.thread.count"));
    }
  }

  @Test
  void withoutTheCaTheReceiverIsNotTrusted() {
    try (OtlpReceiver receiver = OtlpReceiver.https(tls, false)) {
      ShortLivedRun run = ShortLivedRun.withAgent(Jdk.java17(), "otlp-tls-untrusted", Map.of(
          "WEFT_EXPORTERS", "otlp",
          "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.baseUrl()));

      assertEquals(0, receiver.requests().size(), "the handshake fails before any request");
      assertEquals(ShortLivedRun.EXIT_CODE, run.exitCode());
      assertTrue(run.stderr().stream().anyMatch(line -> line.startsWith("[weft] WARN the last OTLP export at exit")),
          run.toString());
    }
  }
}
