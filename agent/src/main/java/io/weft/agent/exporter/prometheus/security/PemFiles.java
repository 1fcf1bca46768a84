package io.weft.agent.exporter.prometheus.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PEM files as Go's {@code tls.X509KeyPair} does: a certificate chain (leaf first), and a private
 * key as PKCS#8 ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1 ({@code EC PRIVATE
 * KEY}). The JDK reads only PKCS#8, so the other two are wrapped into it ({@link PrivateKeyDer}).
 * Encrypted keys are refused, as in Go.
 */
final class PemFiles {
  private static final Pattern BLOCK = Pattern.compile(
      "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*?)-----END \\1-----");

  private PemFiles() {}

  /** Every CERTIFICATE block of the file, in file order; at least one. */
  static List<X509Certificate> certificates(Path file) throws IOException, GeneralSecurityException {
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    List<X509Certificate> certificates = new ArrayList<>();
    Matcher block = BLOCK.matcher(Files.readString(file, StandardCharsets.US_ASCII));
    while (block.find()) {
      if (block.group(1).equals("CERTIFICATE")) {
        certificates.add((X509Certificate) factory.generateCertificate(
            new ByteArrayInputStream(decode(block.group(2)))));
      }
    }
    if (certificates.isEmpty()) {
      throw new GeneralSecurityException("no PEM CERTIFICATE block in " + file);
    }
    return certificates;
  }

  /** The first private key block of the file. */
  static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
    Matcher block = BLOCK.matcher(Files.readString(file, StandardCharsets.US_ASCII));
    while (block.find()) {
      String type = block.group(1);
      byte[] der = decode(block.group(2));
      switch (type) {
        case "PRIVATE KEY":
          return pkcs8(der);
        case "RSA PRIVATE KEY":
          return pkcs8(PrivateKeyDer.pkcs1ToPkcs8(der));
        case "EC PRIVATE KEY":
          return pkcs8(PrivateKeyDer.sec1ToPkcs8(der));
        case "ENCRYPTED PRIVATE KEY":
          throw new GeneralSecurityException("the key in " + file + " is encrypted; give an unencrypted key"
              + " readable by this process only");
        default:
          // Other blocks (EC PARAMETERS, certificates) are skipped, as Go does.
      }
    }
    throw new GeneralSecurityException("no PEM PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY block in " + file);
  }

  private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
    GeneralSecurityException last = null;
    for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "RSASSA-PSS"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (GeneralSecurityException e) {
        last = e;
      }
    }
    throw new GeneralSecurityException("the private key is not an RSA, EC or Ed25519 key", last);
  }

  private static byte[] decode(String base64) throws GeneralSecurityException {
    try {
      return Base64.getMimeDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new GeneralSecurityException("a PEM block is not valid base64");
    }
  }
}
