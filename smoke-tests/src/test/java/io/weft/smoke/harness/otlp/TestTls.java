package io.weft.smoke.harness.otlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away certificate authority and the server and client certificates it signed, made with the
 * JDK's {@code keytool} in a temporary folder when a test needs them: nothing secret is checked in.
 * The server certificate is for {@code 127.0.0.1}; everything is valid for two days.
 *
 * <p>Files for the agent: {@link #caPem()} (OTEL_EXPORTER_OTLP_CERTIFICATE), {@link #clientKeyPem()}
 * (PKCS#8, OTEL_EXPORTER_OTLP_CLIENT_KEY) and {@link #clientCertificatePem()}
 * (OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE).
 */
public final class TestTls {
  private static final String PASSWORD = "changeit";

  private final Path directory;

  private TestTls(Path directory) {
    this.directory = directory;
  }

  /** Generates the authority and both certificates under {@code directory}. */
  public static TestTls create(Path directory) {
    TestTls tls = new TestTls(directory);
    tls.keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=Weft Test CA",
        "-ext", "bc:c", "-validity", "2", "-keystore", "ca.p12", "-storetype", "PKCS12", "-storepass", PASSWORD);
    tls.keytool("-exportcert", "-alias", "ca", "-keystore", "ca.p12", "-storepass", PASSWORD, "-rfc",
        "-file", "ca.pem");
    tls.signed("server", "san=ip:127.0.0.1,dns:localhost", "eku=serverAuth");
    tls.signed("client", "eku=clientAuth", null);
    tls.writeClientKeyPem();
    return tls;
  }

  public Path caPem() {
    return directory.resolve("ca.pem");
  }

  public Path clientKeyPem() {
    return directory.resolve("client-key.pem");
  }

  public Path clientCertificatePem() {
    return directory.resolve("client.pem");
  }

  /** The server's key and certificate, trusting the authority for client certificates. */
  SSLContext serverContext() {
    try {
      KeyStore server = load("server.p12");
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(server, PASSWORD.toCharArray());
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(load("ca.p12"));
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A key pair for {@code name}, its certificate signed by the authority, the chain back in its store. */
  private void signed(String name, String extension, String secondExtension) {
    keytool("-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=" + name,
        "-validity", "2", "-keystore", name + ".p12", "-storetype", "PKCS12", "-storepass", PASSWORD);
    keytool("-certreq", "-alias", name, "-keystore", name + ".p12", "-storepass", PASSWORD, "-file", name + ".csr");
    List<String> sign = new ArrayList<>(List.of("-gencert", "-alias", "ca", "-keystore", "ca.p12", "-storepass",
        PASSWORD, "-infile", name + ".csr", "-outfile", name + ".pem", "-rfc", "-validity", "2", "-ext", extension));
    if (secondExtension != null) {
      sign.addAll(List.of("-ext", secondExtension));
    }
    keytool(sign.toArray(new String[0]));
    keytool("-importcert", "-alias", "ca", "-file", "ca.pem", "-keystore", name + ".p12", "-storepass", PASSWORD,
        "-noprompt");
    keytool("-importcert", "-alias", name, "-file", name + ".pem", "-keystore", name + ".p12", "-storepass",
        PASSWORD, "-noprompt");
  }

  private void writeClientKeyPem() {
    try {
      PrivateKey key = (PrivateKey) load("client.p12").getKey("client", PASSWORD.toCharArray());
      String pem = "-----BEGIN PRIVATE KEY-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
          + "\n-----END PRIVATE KEY-----\n";
      Files.writeString(clientKeyPem(), pem, StandardCharsets.US_ASCII);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private KeyStore load(String file) throws GeneralSecurityException {
    try (InputStream in = Files.newInputStream(directory.resolve(file))) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, PASSWORD.toCharArray());
      return store;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void keytool(String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(arguments));
    try {
      Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
          .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException(command + " failed: " + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
