package io.weft.agent.exporter.prometheus.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the web configuration file: meaning as in exporter-toolkit, every problem named by key. */
class WebConfigTest {
  @TempDir
  Path dir;

  @Test
  void aFullFileIsReadWithPathsRelativeToIt() throws Exception {
    WebConfig config = read("""
        tls_server_config:
          cert_file: tls/server.crt
          key_file: /etc/weft/server.key
          client_auth_type: VerifyClientCertIfGiven
          client_ca_file: ca.crt
          min_version: TLS13
          cipher_suites: [TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256]
          prefer_server_cipher_suites: false
        http_server_config:
          headers:
            X-Frame-Options: deny
            Strict-Transport-Security: max-age=31536000
        basic_auth_users:
          prometheus: $2y$04$i41XRLQ0dktF4fCuPAlyxedurowRtTfpvkxQKDYoKTcwnppAzUEzq
        """);
    TlsSettings tls = config.tls();
    assertEquals(dir.resolve("tls/server.crt"), tls.certFile());
    assertEquals(Path.of("/etc/weft/server.key"), tls.keyFile());
    assertEquals(dir.resolve("ca.crt"), tls.clientCaFile());
    assertEquals(ClientAuthType.VerifyClientCertIfGiven, tls.clientAuth());
    assertEquals(List.of("TLSv1.3"), tls.protocols());
    assertEquals(List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"), tls.cipherSuites());
    assertEquals(false, tls.preferServerCipherSuites());
    assertEquals(Map.of("X-Frame-Options", "deny", "Strict-Transport-Security", "max-age=31536000"), config.headers());
    assertNotNull(config.users());
    assertEquals(List.of(), config.warnings());
  }

  @Test
  void defaultsAreThoseOfExporterToolkit() throws Exception {
    TlsSettings tls = read("tls_server_config:\n  cert_file: a.crt\n  key_file: a.key\n").tls();
    assertEquals(List.of("TLSv1.2", "TLSv1.3"), tls.protocols());
    assertEquals(ClientAuthType.NoClientCert, tls.clientAuth());
    assertTrue(tls.preferServerCipherSuites());
  }

  @Test
  void anEmptyFileMeansPlainHttpWithoutAuth() throws Exception {
    WebConfig config = read("");
    assertNull(config.tls());
    assertNull(config.users());
  }

  @Test
  void basicAuthWithoutTlsIsAllowed() throws Exception {
    WebConfig config = read("basic_auth_users:\n  u: $2y$04$i41XRLQ0dktF4fCuPAlyxedurowRtTfpvkxQKDYoKTcwnppAzUEzq\n");
    assertNull(config.tls());
    assertNotNull(config.users());
  }

  @Test
  void allFiveClientAuthTypesAndTheOldSpellingAreKnown() throws Exception {
    for (String type : new String[] {"NoClientCert", "RequestClientCert", "RequireAnyClientCert",
        "VerifyClientCertIfGiven", "RequireAndVerifyClientCert", "RequireClientCert"}) {
      String ca = type.contains("Verify") ? "  client_ca_file: ca.crt\n" : "";
      assertNotNull(read("tls_server_config:\n  cert_file: a\n  key_file: b\n  client_auth_type: " + type + "\n" + ca)
          .tls().clientAuth(), type);
    }
  }

  @Test
  void http2GetsAWarningAndChangesNothing() throws Exception {
    WebConfig config = read("http_server_config:\n  http2: false\n");
    assertEquals(1, config.warnings().size());
    assertTrue(config.warnings().get(0).contains("http_server_config.http2"), config.warnings().get(0));
  }

  @Test
  void everyProblemNamesItsKey() {
    assertProblem("tls_server_config:\n  cert_file: a\n  key_file: b\n  cert_fle: c\n",
        "tls_server_config.cert_fle: unknown key");
    assertProblem("tls_servr_config: {}\n", "tls_servr_config: unknown key");
    assertProblem("tls_server_config:\n  key_file: b\n", "tls_server_config.cert_file: missing");
    assertProblem("tls_server_config:\n  cert_file: a\n", "tls_server_config.key_file: missing");
    assertProblem("tls_server_config:\n  cert_file: a\n  key_file: b\n  client_auth_type: Maybe\n",
        "tls_server_config.client_auth_type: \"Maybe\" is not one of");
    assertProblem("tls_server_config:\n  cert_file: a\n  key_file: b\n  client_ca_file: c\n",
        "tls_server_config.client_ca_file: is set but client_auth_type is NoClientCert");
    assertProblem("tls_server_config:\n  cert_file: a\n  key_file: b\n  client_auth_type: RequireAndVerifyClientCert\n",
        "tls_server_config.client_ca_file: missing");
    assertProblem("tls_server_config:\n  cert_file: a\n  key_file: b\n  min_version: TLS14\n",
        "tls_server_config.min_version: \"TLS14\" is not one of");
    assertProblem("tls_server_config:\n  cert_file: a\n  key_file: b\n  min_version: TLS13\n  max_version: TLS12\n",
        "tls_server_config.min_version: TLS13 is above max_version TLS12");
    assertProblem("tls_server_config:\n  cert_file: a\n  key_file: b\n  curve_preferences: [CurveP999]\n",
        "tls_server_config.curve_preferences: \"CurveP999\" is not one of");
    assertProblem("tls_server_config:\n  min_version: TLS13\n", "tls_server_config.min_version: is set but TLS is off");
    assertProblem("tls_server_config:\n  cert: inline\n", "tls_server_config.cert: not supported");
    assertProblem("rate_limit:\n  burst: 1\n", "rate_limit: not supported");
    assertProblem("http_server_config:\n  headers:\n    Server: weft\n", "http_server_config.headers.Server: this header cannot be configured");
    assertProblem("http_server_config:\n  headers:\n    X-Frame-Options: allow\n", "http_server_config.headers.X-Frame-Options: \"allow\" is not one of");
    assertProblem("basic_auth_users:\n  u: secret\n", "basic_auth_users.u: not a bcrypt hash");
    assertProblem("basic_auth_users: [a]\n", "basic_auth_users: must be a map");
    assertProblem("tls_server_config: [unclosed\n", "not valid YAML");
    assertProblem("- a\n", "the top level: must be a map");
    assertProblem("tls_server_config:\n  cert_file: a\n  key_file: b\n  client_allowed_sans: [x]\n",
        "tls_server_config.client_allowed_sans: needs client_auth_type");
  }

  @Test
  void aMissingFileIsNamed() {
    WebConfigException e = assertThrows(WebConfigException.class, () -> WebConfig.read(dir.resolve("nope.yml")));
    assertEquals("no such file", e.getMessage());
  }

  private void assertProblem(String content, String expected) {
    WebConfigException e = assertThrows(WebConfigException.class, () -> read(content), content);
    assertTrue(e.getMessage().startsWith(expected), "expected " + expected + " but was: " + e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), e.getMessage());
  }

  private WebConfig read(String content) throws Exception {
    Path file = Files.writeString(dir.resolve("web.yml"), content);
    return WebConfig.read(file);
  }
}
