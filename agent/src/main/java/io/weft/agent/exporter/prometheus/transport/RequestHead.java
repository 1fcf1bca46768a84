package io.weft.agent.exporter.prometheus.transport;

import com.sun.net.httpserver.Headers;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * The request line and header fields of one HTTP/1.x request, read with a size limit: the whole head
 * may be at most {@code maxBytes}, counted as it arrives, so a client sending endless headers costs a
 * fixed buffer and then gets 431. The body, if any, is never read.
 */
final class RequestHead {
  /** The head is larger than allowed: answer 431. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;
  }

  /** The head is not HTTP/1.x: answer 400. */
  static final class Malformed extends IOException {
    private static final long serialVersionUID = 1L;
  }

  final String method;
  final URI uri;
  final String protocol;
  final Headers headers;

  private RequestHead(String method, URI uri, String protocol, Headers headers) {
    this.method = method;
    this.uri = uri;
    this.protocol = protocol;
    this.headers = headers;
  }

  static RequestHead read(InputStream in, int maxBytes) throws IOException {
    LineReader lines = new LineReader(in, maxBytes);
    String requestLine = lines.next();
    while (requestLine.isEmpty()) { // RFC 9112 2.2: ignore at least one empty line before the request line
      requestLine = lines.next();
    }
    int firstSpace = requestLine.indexOf(' ');
    int lastSpace = requestLine.lastIndexOf(' ');
    if (firstSpace <= 0 || lastSpace == firstSpace) {
      throw new Malformed();
    }
    String method = requestLine.substring(0, firstSpace);
    String target = requestLine.substring(firstSpace + 1, lastSpace);
    String protocol = requestLine.substring(lastSpace + 1);
    if (!isToken(method) || !(protocol.equals("HTTP/1.1") || protocol.equals("HTTP/1.0")) || target.isEmpty()) {
      throw new Malformed();
    }
    URI uri;
    try {
      uri = new URI(target);
    } catch (URISyntaxException e) {
      throw new Malformed();
    }
    Headers headers = new Headers();
    for (String line = lines.next(); !line.isEmpty(); line = lines.next()) {
      int colon = line.indexOf(':');
      if (colon <= 0 || !isToken(line.substring(0, colon))) {
        throw new Malformed(); // includes obsolete line folding, which starts with white space
      }
      headers.add(line.substring(0, colon), line.substring(colon + 1).strip());
    }
    return new RequestHead(method, uri, protocol, headers);
  }

  private static boolean isToken(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= ' ' || c >= 127 || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
        return false;
      }
    }
    return !text.isEmpty();
  }

  /** Lines ending in CRLF (or a bare LF), ISO-8859-1, within a byte budget for the whole head. */
  private static final class LineReader {
    private final InputStream in;
    private int budget;
    private final StringBuilder line = new StringBuilder(128);

    LineReader(InputStream in, int budget) {
      this.in = in;
      this.budget = budget;
    }

    String next() throws IOException {
      line.setLength(0);
      while (true) {
        int b = in.read();
        if (b < 0) {
          throw new EOFException("the client closed the connection mid-request");
        }
        if (--budget < 0) {
          throw new TooLarge();
        }
        if (b == '\n') {
          int length = line.length();
          if (length > 0 && line.charAt(length - 1) == '\r') {
            line.setLength(length - 1);
          }
          return line.toString();
        }
        if (b == 0) {
          throw new Malformed();
        }
        line.append((char) b);
      }
    }
  }
}
