package io.weft.smoke.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Assertions;

/**
 * A throw-away PKI made with {@code openssl} in a test's folder: a CA, a server certificate for
 * 127.0.0.1 and localhost, a client certificate, and a second CA with its own client, so that tests
 * can present right and wrong certificates. Keys come in the three PEM forms Weft reads.
 *
 * <pre>{@code
 * TestCertificates pki = TestCertificates.create(dir, KeyForm.PKCS8);
 * pki.serverCert(); pki.serverKey(); pki.caCert(); pki.clientCert(); pki.clientKey();
 * SSLContext client = pki.clientContext(true);
 * }</pre>
 */
public final class TestCertificates {
  /** The PEM form of the server key. */
  public enum KeyForm { PKCS8, PKCS1_RSA, SEC1_EC }

  private final Path dir;
  private final Path openssl;

  private TestCertificates(Path dir, Path openssl) {
    this.dir = dir;
    this.openssl = openssl;
  }

  public static TestCertificates create(Path dir, KeyForm serverKeyForm) {
    Path openssl = Executables.require("openssl", "Debian: apt-get install openssl");
    TestCertificates pki = new TestCertificates(dir, openssl);
    pki.makeCa("ca");
    pki.makeCa("other-ca");
    pki.makeServer("server", "ca", serverKeyForm);
    pki.makeClient("client", "ca");
    pki.makeClient("other-client", "other-ca");
    return pki;
  }

  public Path caCert() {
    return dir.resolve("ca.crt");
  }

  public Path serverCert() {
    return dir.resolve("server.crt");
  }

  public Path serverKey() {
    return dir.resolve("server.key");
  }

  public Path clientCert() {
    return dir.resolve("client.crt");
  }

  public Path clientKey() {
    return dir.resolve("client.key");
  }

  public Path folder() {
    return dir;
  }

  /** A second server certificate (new serial, same names) signed by the same CA, as a rotation would bring. */
  public void makeReplacementServer(String name, KeyForm form) {
    makeServer(name, "ca", form);
  }

  /** The serial number of a certificate file, as openssl prints it (hex, upper case). */
  public String serial(Path certificate) {
    return run(List.of("x509", "-in", certificate.toString(), "-noout", "-serial")).trim().replace("serial=", "");
  }

  /**
   * A client context that trusts the test CA and, when {@code withClientCertificate}, presents the
   * client certificate ({@code other} = the one signed by the other CA).
   */
  public SSLContext clientContext(String clientName) {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      try (InputStream in = Files.newInputStream(caCert())) {
        trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
      }
      TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trustManagers.init(trust);
      KeyManagerFactory keyManagers = null;
      if (clientName != null) {
        Path p12 = dir.resolve(clientName + ".p12");
        if (!Files.exists(p12)) {
          run(List.of("pkcs12", "-export", "-inkey", dir.resolve(clientName + ".key").toString(),
              "-in", dir.resolve(clientName + ".crt").toString(), "-out", p12.toString(), "-passout", "pass:test"));
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
          keys.load(in, "test".toCharArray());
        }
        keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, "test".toCharArray());
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers == null ? null : keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
      return context;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private void makeCa(String name) {
    run(List.of("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", dir.resolve(name + ".key").toString(),
        "-out", dir.resolve(name + ".crt").toString(), "-days", "2", "-subj", "/CN=weft test " + name,
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"));
  }

  private void makeServer(String name, String ca, KeyForm form) {
    Path key = dir.resolve(name + ".key");
    switch (form) {
      case PKCS8 -> run(List.of("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048",
          "-out", key.toString()));
      case PKCS1_RSA -> run(List.of("genrsa", "-traditional", "-out", key.toString(), "2048"));
      case SEC1_EC -> run(List.of("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", key.toString()));
    }
    sign(name, ca, "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n");
  }

  private void makeClient(String name, String ca) {
    run(List.of("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256",
        "-out", dir.resolve(name + ".key").toString()));
    sign(name, ca, "extendedKeyUsage=clientAuth\n");
  }

  private void sign(String name, String ca, String extensions) {
    try {
      Path ext = Files.writeString(dir.resolve(name + ".ext"), extensions);
      Path csr = dir.resolve(name + ".csr");
      run(List.of("req", "-new", "-key", dir.resolve(name + ".key").toString(), "-out", csr.toString(),
          "-subj", "/CN=" + name));
      run(List.of("x509", "-req", "-in", csr.toString(), "-CA", dir.resolve(ca + ".crt").toString(),
          "-CAkey", dir.resolve(ca + ".key").toString(), "-set_serial", String.valueOf(System.nanoTime()),
          "-out", dir.resolve(name + ".crt").toString(), "-days", "2", "-extfile", ext.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String run(List<String> arguments) {
    List<String> command = new ArrayList<>();
    command.add(openssl.toString());
    command.addAll(arguments);
    try {
      Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        Assertions.fail("openssl failed: " + command + "\n" + output);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
