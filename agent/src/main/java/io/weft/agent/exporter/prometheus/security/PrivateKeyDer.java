package io.weft.agent.exporter.prometheus.security;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;

/**
 * Wraps the two key encodings the JDK cannot read into PKCS#8 {@code PrivateKeyInfo}, the one it can:
 * <pre>
 * PrivateKeyInfo ::= SEQUENCE { version INTEGER (0), algorithm AlgorithmIdentifier, privateKey OCTET STRING }
 * </pre>
 * For PKCS#1 the algorithm is rsaEncryption with NULL parameters; for SEC1 ({@code ECPrivateKey}) it is
 * id-ecPublicKey with the curve taken from the key's own {@code [0] parameters}. Just enough DER for
 * these two shapes; anything else is refused.
 */
final class PrivateKeyDer {
  private static final byte[] RSA_ENCRYPTION = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d,
      0x01, 0x01, 0x01, 0x05, 0x00};
  private static final byte[] EC_PUBLIC_KEY = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};
  private static final byte[] VERSION_0 = {0x02, 0x01, 0x00};

  private PrivateKeyDer() {}

  static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
    return privateKeyInfo(RSA_ENCRYPTION, pkcs1);
  }

  static byte[] sec1ToPkcs8(byte[] sec1) throws GeneralSecurityException {
    byte[] curve = sec1CurveOid(sec1);
    byte[] algorithm = new byte[EC_PUBLIC_KEY.length + curve.length];
    System.arraycopy(EC_PUBLIC_KEY, 0, algorithm, 0, EC_PUBLIC_KEY.length);
    System.arraycopy(curve, 0, algorithm, EC_PUBLIC_KEY.length, curve.length);
    return privateKeyInfo(algorithm, sec1);
  }

  /** The whole OBJECT IDENTIFIER element (tag, length, value) inside {@code [0]} of an ECPrivateKey. */
  private static byte[] sec1CurveOid(byte[] sec1) throws GeneralSecurityException {
    int[] outer = header(sec1, 0, 0x30);
    int at = outer[0];
    int end = outer[0] + outer[1];
    while (at < end) {
      int tag = sec1[at] & 0xff;
      int[] element = header(sec1, at, tag);
      if (tag == 0xa0) {
        int[] oid = header(sec1, element[0], 0x06);
        byte[] copy = new byte[oid[0] + oid[1] - element[0]];
        System.arraycopy(sec1, element[0], copy, 0, copy.length);
        return copy;
      }
      at = element[0] + element[1];
    }
    throw new GeneralSecurityException("the EC PRIVATE KEY names no curve (SEC1 [0] parameters missing)");
  }

  /** Returns {start of value, length of value} of the element at {@code at}, which must have {@code tag}. */
  private static int[] header(byte[] der, int at, int tag) throws GeneralSecurityException {
    if (at + 2 > der.length || (der[at] & 0xff) != tag) {
      throw new GeneralSecurityException("the key is not valid DER");
    }
    int first = der[at + 1] & 0xff;
    int start = at + 2;
    int length;
    if (first < 0x80) {
      length = first;
    } else {
      int bytes = first & 0x7f;
      if (bytes > 3 || start + bytes > der.length) {
        throw new GeneralSecurityException("the key is not valid DER");
      }
      length = 0;
      for (int i = 0; i < bytes; i++) {
        length = (length << 8) | (der[start + i] & 0xff);
      }
      start += bytes;
    }
    if (start + length > der.length) {
      throw new GeneralSecurityException("the key is not valid DER");
    }
    return new int[] {start, length};
  }

  private static byte[] privateKeyInfo(byte[] algorithmContent, byte[] key) {
    ByteArrayOutputStream body = new ByteArrayOutputStream(key.length + 32);
    body.writeBytes(VERSION_0);
    body.writeBytes(element(0x30, algorithmContent));
    body.writeBytes(element(0x04, key));
    return element(0x30, body.toByteArray());
  }

  private static byte[] element(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
    out.write(tag);
    int length = content.length;
    if (length < 0x80) {
      out.write(length);
    } else if (length < 0x100) {
      out.write(0x81);
      out.write(length);
    } else if (length < 0x10000) {
      out.write(0x82);
      out.write(length >> 8);
      out.write(length);
    } else {
      out.write(0x83);
      out.write(length >> 16);
      out.write(length >> 8);
      out.write(length);
    }
    out.writeBytes(content);
    return out.toByteArray();
  }
}
