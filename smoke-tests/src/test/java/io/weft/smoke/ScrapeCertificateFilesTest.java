package io.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.weft.smoke.harness.BuildArtifacts;
import io.weft.smoke.harness.Demo;
import io.weft.smoke.harness.ForkedJvm;
import io.weft.smoke.harness.Jdk;
import io.weft.smoke.harness.TestCertificates;
import io.weft.smoke.harness.TestCertificates.KeyForm;
import io.weft.smoke.harness.TlsScrape;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** TLS from the three PEM key forms, and a certificate replaced on disk served without a restart. */
class ScrapeCertificateFilesTest {
  @TempDir
  Path dir;

  static final String TLS_ONLY = "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n";

  @ParameterizedTest(name = "{0}")
  @EnumSource(KeyForm.class)
  void eachKeyFormServesMetricsOverTls(KeyForm form) throws IOException {
    TestCertificates pki = TestCertificates.create(dir, form);
    try (Demo demo = start(pki, "key-form-" + form)) {
      TlsScrape.Result result = TlsScrape.get(pki.clientContext(null), port(demo), "/metrics", null);
      assertEquals(200, result.status(), result.head());
      assertTrue(result.body().contains("target_info{"));
      assertEquals(serial(pki, pki.serverCert()), result.serverCertificate().getSerialNumber());
    }
  }

  @Test
  void aCertificateReplacedOnDiskIsServedWithoutARestart() throws Exception {
    TestCertificates pki = TestCertificates.create(dir, KeyForm.SEC1_EC);
    try (Demo demo = start(pki, "rotation")) {
      SSLContext client = pki.clientContext(null);
      int port = port(demo);
      assertEquals(serial(pki, pki.serverCert()), TlsScrape.get(client, port, "/metrics", null)
          .serverCertificate().getSerialNumber());

      // The replacement has another serial and even another key type (RSA after EC).
      pki.makeReplacementServer("server2", KeyForm.PKCS1_RSA);
      BigInteger replacement = serial(pki, dir.resolve("server2.crt"));
      Files.copy(dir.resolve("server2.key"), dir.resolve("server.key.new"));
      Files.copy(dir.resolve("server2.crt"), dir.resolve("server.crt.new"));
      Files.move(dir.resolve("server.key.new"), pki.serverKey(), StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      Files.move(dir.resolve("server.crt.new"), pki.serverCert(), StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);

      long deadline = System.nanoTime() + 15_000_000_000L;
      while (true) {
        TlsScrape.Result result = TlsScrape.get(client, port, "/metrics", null);
        assertEquals(200, result.status());
        if (result.serverCertificate().getSerialNumber().equals(replacement)) {
          break;
        }
        if (System.nanoTime() > deadline) {
          fail("the replaced certificate was not served within 15 s:\n" + demo.jvm().describeOutput());
        }
        Thread.sleep(200);
      }
      assertEquals(1, demo.stderrContaining("re-read its TLS certificate files").size(), demo.jvm().describeOutput());
    }
  }

  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.MethodSource("io.weft.smoke.harness.Jdk#both")
  void curvePreferencesApplyWhereTheJdkCanAndWarnWhereItCannot(Jdk jdk) throws IOException, InterruptedException {
    TestCertificates pki = TestCertificates.create(dir, KeyForm.PKCS8); // RSA: the groups only govern key exchange
    Path webConfig = Files.writeString(dir.resolve("web.yml"), TLS_ONLY + "  curve_preferences: [CurveP384]\n");
    try (Demo demo = Demo.start(ForkedJvm.on(jdk).javaagent(BuildArtifacts.agentJar())
        .env("WEFT_PROMETHEUS_PORT", "0").env("WEFT_PROMETHEUS_WEB_CONFIG_FILE", webConfig.toString()),
        "curves-" + jdk)) {
      int port = port(demo);
      java.util.List<String> warnings = demo.stderrContaining("curve_preferences");
      boolean canSetGroups = !jdk.toString().contains("17");
      assertEquals(canSetGroups ? 0 : 1, warnings.size(), demo.jvm().describeOutput());
      assertEquals(200, TlsScrape.get(pki.clientContext(null), port, "/metrics", null).status());
      // openssl offering only P-256 finds no shared group where the preference applies.
      Process process = new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + port, "-groups", "P-256",
          "-CAfile", pki.caCert().toString()).redirectErrorStream(true).start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      process.waitFor();
      assertEquals(canSetGroups, output.contains("alert handshake failure") || output.contains("no suitable")
          || !output.contains("Server certificate"), output);
    }
  }

  private Demo start(TestCertificates pki, String name) throws IOException {
    Path webConfig = Files.writeString(dir.resolve("web.yml"), TLS_ONLY);
    return Demo.start(ForkedJvm.on(Jdk.java17()).javaagent(BuildArtifacts.agentJar())
        .env("WEFT_PROMETHEUS_PORT", "0").env("WEFT_PROMETHEUS_WEB_CONFIG_FILE", webConfig.toString()), name);
  }

  static int port(Demo demo) {
    String started = demo.awaitAgentStarted();
    Matcher served = java.util.regex.Pattern.compile("https://127\\.0\\.0\\.1:(\\d+)/metrics \\(auth off, TLS on\\)")
        .matcher(started);
    assertTrue(served.find(), demo.jvm().describeOutput());
    return Integer.parseInt(served.group(1));
  }

  private static BigInteger serial(TestCertificates pki, Path certificate) {
    return new BigInteger(pki.serial(certificate), 16);
  }
}
