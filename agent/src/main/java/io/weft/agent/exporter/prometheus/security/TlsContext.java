package io.weft.agent.exporter.prometheus.security;

import io.weft.bootstrap.log.WeftLog;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The server side of TLS, built from {@link TlsSettings} and rebuilt when the certificate, key or client
 * CA file changes, so that a rotated certificate is served from the next connection on without a
 * restart (exporter-toolkit re-reads the files at each handshake; here a change of size or modification
 * time of the three files is looked for at each new connection, at most once a second).
 *
 * <p>A rebuild that fails (a half-written file, a key that does not match) keeps the previous
 * certificate and logs one line a minute; the endpoint never falls back to plain text.
 */
public final class TlsContext {
  private static final long RECHECK_NANOS = 1_000_000_000L;
  private static final Method SET_NAMED_GROUPS = namedGroupsSetter();

  private final TlsSettings settings;
  private volatile Built current;
  private volatile long checkedAt;

  private TlsContext(TlsSettings settings, Built first) {
    this.settings = settings;
    this.current = first;
    this.checkedAt = System.nanoTime();
  }

  /** Reads the files now; a problem is thrown, naming the file. */
  static TlsContext load(TlsSettings settings) throws WebConfigException {
    return new TlsContext(settings, build(settings));
  }

  /** Whether {@code SSLParameters.setNamedGroups} exists (Java 20 and later). */
  static boolean namedGroupsSupported() {
    return SET_NAMED_GROUPS != null;
  }

  /**
   * Layers server-side TLS over an accepted socket; the handshake happens on first read or
   * {@link SSLSocket#startHandshake}. Closing the returned socket closes {@code plain}.
   */
  public SSLSocket wrap(Socket plain) throws IOException {
    Built built = refreshed();
    SSLSocket socket = (SSLSocket) built.context.getSocketFactory()
        .createSocket(plain, plain.getInetAddress().getHostAddress(), plain.getPort(), true);
    socket.setUseClientMode(false);
    socket.setSSLParameters(built.parameters);
    return socket;
  }

  /**
   * Checks what the handshake cannot: {@code client_allowed_sans}. Returns false when the client must
   * be refused.
   */
  public boolean peerAllowed(SSLSocket socket) {
    if (settings.clientAllowedSans().isEmpty()) {
      return true;
    }
    try {
      java.security.cert.Certificate[] chain = socket.getSession().getPeerCertificates();
      return chain.length > 0 && chain[0] instanceof X509Certificate leaf && hasAllowedSan(leaf);
    } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
      return false;
    }
  }

  private boolean hasAllowedSan(X509Certificate leaf) {
    try {
      if (leaf.getSubjectAlternativeNames() == null) {
        return false;
      }
      for (List<?> name : leaf.getSubjectAlternativeNames()) {
        if (name.size() > 1 && settings.clientAllowedSans().contains(String.valueOf(name.get(1)))) {
          return true;
        }
      }
      return false;
    } catch (CertificateParsingException e) {
      return false;
    }
  }

  private Built refreshed() {
    long now = System.nanoTime();
    if (now - checkedAt < RECHECK_NANOS) {
      return current;
    }
    checkedAt = now;
    Built built = current;
    List<Object> stamp = stamp(settings);
    if (stamp.equals(built.stamp)) {
      return built;
    }
    synchronized (this) {
      if (current != built) {
        return current;
      }
      try {
        current = build(settings);
        WeftLog.info("the Prometheus endpoint re-read its TLS certificate files (" + settings.certFile() + ")");
      } catch (WebConfigException e) {
        WeftLog.warnLimited("prometheus-tls-reload", e.getMessage()
            + "; the Prometheus endpoint keeps serving the previous certificate");
        current = new Built(built.context, built.parameters, stamp);
      }
      return current;
    }
  }

  private static Built build(TlsSettings settings) throws WebConfigException {
    List<Object> stamp = stamp(settings);
    List<X509Certificate> chain = read(settings.certFile(), "cert_file", () -> PemFiles.certificates(settings.certFile()));
    PrivateKey key = read(settings.keyFile(), "key_file", () -> PemFiles.privateKey(settings.keyFile()));
    if (!keyMatches(key, chain.get(0))) {
      throw new WebConfigException("tls_server_config.key_file " + settings.keyFile() + ": the private key does not"
          + " belong to the first certificate of " + settings.certFile());
    }
    List<X509Certificate> cas = settings.clientCaFile() == null ? List.of()
        : read(settings.clientCaFile(), "client_ca_file", () -> PemFiles.certificates(settings.clientCaFile()));
    try {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      char[] password = new char[0];
      keys.setKeyEntry("server", key, password, chain.toArray(new X509Certificate[0]));
      KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keys, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers.getKeyManagers(), trustManagers(settings.clientAuth(), cas), null);
      return new Built(context, parameters(context, settings), stamp);
    } catch (GeneralSecurityException | IOException e) {
      throw new WebConfigException("tls_server_config: the certificate and key cannot be used for TLS: " + e.getMessage(), e);
    }
  }

  /** Signs a few bytes with the key and verifies them with the certificate, as Go's X509KeyPair checks. */
  private static boolean keyMatches(PrivateKey key, X509Certificate certificate) {
    String algorithm = switch (key.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      default -> key.getAlgorithm();
    };
    try {
      byte[] probe = "weft".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      java.security.Signature signer = java.security.Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      java.security.Signature verifier = java.security.Signature.getInstance(algorithm);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(probe);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static TrustManager[] trustManagers(ClientAuthType clientAuth, List<X509Certificate> cas)
      throws GeneralSecurityException, IOException {
    if (!clientAuth.asks) {
      return null;
    }
    if (!clientAuth.verifies) {
      return new TrustManager[] {new AnyClientCertificate(cas.toArray(new X509Certificate[0]))};
    }
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    for (int i = 0; i < cas.size(); i++) {
      trusted.setCertificateEntry("ca-" + i, cas.get(i));
    }
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trusted);
    return factory.getTrustManagers();
  }

  private static SSLParameters parameters(SSLContext context, TlsSettings settings) throws WebConfigException {
    SSLParameters defaults = context.getDefaultSSLParameters();
    SSLParameters supported = context.getSupportedSSLParameters();
    Set<String> supportedProtocols = Set.of(supported.getProtocols());
    List<String> protocols = new ArrayList<>();
    for (String protocol : settings.protocols()) {
      if (supportedProtocols.contains(protocol)) {
        protocols.add(protocol);
      }
    }
    if (protocols.isEmpty()) {
      throw new WebConfigException("tls_server_config.min_version/max_version: this Java runtime supports none of "
          + settings.protocols());
    }
    SSLParameters parameters = new SSLParameters();
    parameters.setProtocols(protocols.toArray(new String[0]));
    if (!settings.cipherSuites().isEmpty()) {
      Set<String> supportedSuites = Set.of(supported.getCipherSuites());
      Set<String> suites = new LinkedHashSet<>();
      for (String suite : settings.cipherSuites()) {
        if (!supportedSuites.contains(suite)) {
          throw new WebConfigException("tls_server_config.cipher_suites: " + suite + " is not supported by this"
              + " Java runtime");
        }
        suites.add(suite);
      }
      // As in Go, the TLS 1.3 suites are not configurable: keep the runtime's.
      for (String suite : defaults.getCipherSuites()) {
        if (suite.startsWith("TLS_AES_") || suite.startsWith("TLS_CHACHA20_")) {
          suites.add(suite);
        }
      }
      parameters.setCipherSuites(suites.toArray(new String[0]));
    } else {
      parameters.setCipherSuites(defaults.getCipherSuites());
    }
    parameters.setUseCipherSuitesOrder(settings.preferServerCipherSuites());
    ClientAuthType clientAuth = settings.clientAuth();
    if (clientAuth.requires) {
      parameters.setNeedClientAuth(true);
    } else if (clientAuth.asks) {
      parameters.setWantClientAuth(true);
    }
    if (!settings.namedGroups().isEmpty() && SET_NAMED_GROUPS != null) {
      try {
        SET_NAMED_GROUPS.invoke(parameters, (Object) settings.namedGroups().toArray(new String[0]));
      } catch (ReflectiveOperationException e) {
        throw new WebConfigException("tls_server_config.curve_preferences: cannot be applied: " + e);
      }
    }
    return parameters;
  }

  private static List<Object> stamp(TlsSettings settings) {
    List<Object> stamp = new ArrayList<>(6);
    for (Path file : Arrays.asList(settings.certFile(), settings.keyFile(), settings.clientCaFile())) {
      if (file == null) {
        continue;
      }
      try {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        stamp.add(attributes.lastModifiedTime());
        stamp.add(attributes.size());
        stamp.add(Objects.toString(attributes.fileKey()));
      } catch (IOException e) {
        stamp.add("unreadable");
      }
    }
    return stamp;
  }

  private interface Reader<T> {
    T read() throws IOException, GeneralSecurityException;
  }

  private static <T> T read(Path file, String key, Reader<T> reader) throws WebConfigException {
    try {
      return reader.read();
    } catch (java.nio.file.NoSuchFileException e) {
      throw new WebConfigException("tls_server_config." + key + " " + file + ": no such file");
    } catch (IOException | GeneralSecurityException e) {
      throw new WebConfigException("tls_server_config." + key + " " + file + ": " + e.getMessage());
    }
  }

  private static Method namedGroupsSetter() {
    try {
      return SSLParameters.class.getMethod("setNamedGroups", String[].class);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private record Built(SSLContext context, SSLParameters parameters, List<Object> stamp) {}

  /**
   * RequestClientCert and RequireAnyClientCert: a client certificate is taken as it comes, unverified,
   * exactly as Go does for these two types; the client CAs, if given, are only named in the request.
   */
  private static final class AnyClientCertificate extends X509ExtendedTrustManager implements X509TrustManager {
    private final X509Certificate[] issuers;

    AnyClientCertificate(X509Certificate[] issuers) {
      this.issuers = issuers;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
      throw new CertificateException("server certificates are not checked here");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      throw new CertificateException("server certificates are not checked here");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      throw new CertificateException("server certificates are not checked here");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return issuers.clone();
    }
  }
}
