package io.weft.smoke.harness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * One GET over a socket the test controls completely (protocol versions, client certificate, raw
 * headers), for the scrape endpoint's security checks. The endpoint closes every connection after its
 * response, so the response is read to the end of the stream.
 *
 * <pre>{@code
 * TlsScrape.Result result = TlsScrape.get(context, port, "/metrics", TlsScrape.basic("prometheus", "secret"));
 * result.status(); result.head(); result.body(); result.serverCertificate();
 * }</pre>
 */
public final class TlsScrape {
  /** What came back; {@code status} 0 when the connection ended without a status line. */
  public record Result(int status, String head, String body, X509Certificate serverCertificate) {}

  private TlsScrape() {}

  /** {@code Basic base64(user:password)}. */
  public static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** GET over TLS (context null: plain TCP); {@code authorization} null sends none. Throws on a failed handshake. */
  public static Result get(SSLContext context, int port, String path, String authorization, String... protocols)
      throws IOException {
    Socket plain = new Socket();
    plain.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    plain.setSoTimeout(15_000);
    Socket socket = plain;
    X509Certificate server = null;
    try {
      if (context != null) {
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, "127.0.0.1", port, true);
        if (protocols.length > 0) {
          tls.setEnabledProtocols(protocols);
        }
        tls.startHandshake();
        server = (X509Certificate) tls.getSession().getPeerCertificates()[0];
        socket = tls;
      }
      OutputStream out = socket.getOutputStream();
      String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
          + (authorization == null ? "" : "Authorization: " + authorization + "\r\n") + "Connection: close\r\n\r\n";
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      String text = all.toString(StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      if (!text.startsWith("HTTP/1.1 ") || end < 0) {
        return new Result(0, text, "", server);
      }
      String head = text.substring(0, end);
      byte[] body = java.util.Arrays.copyOfRange(all.toByteArray(), end + 4, all.size());
      if (head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
        body = dechunk(body);
      }
      return new Result(Integer.parseInt(text.substring(9, 12)), head, new String(body, StandardCharsets.UTF_8), server);
    } finally {
      socket.close();
    }
  }

  private static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(chunked.length);
    int at = 0;
    while (at < chunked.length) {
      int lineEnd = at;
      while (lineEnd + 1 < chunked.length && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
        lineEnd++;
      }
      String sizeText = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
      int size = Integer.parseInt(sizeText, 16);
      if (size == 0) {
        break;
      }
      out.write(chunked, lineEnd + 2, size);
      at = lineEnd + 2 + size + 2;
    }
    return out.toByteArray();
  }
}
