package io.weft.agent.exporter.prometheus.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The server's own answers (400, 401, 403, 405, 431, 503): fixed one-line bodies that reflect nothing
 * from the request and name no software or version.
 */
final class Responses {
  /** The 431 body: the limit is the server's own constant, nothing from the request. */
  static final String HEAD_TOO_LARGE = "Request Header Fields Too Large: over " + BoundedHttpServer.MAX_HEAD_BYTES
      + " bytes";

  private Responses() {}

  static String reason(int code) {
    return switch (code) {
      case 200 -> "OK";
      case 204 -> "No Content";
      case 304 -> "Not Modified";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 406 -> "Not Acceptable";
      case 408 -> "Request Timeout";
      case 414 -> "URI Too Long";
      case 431 -> "Request Header Fields Too Large";
      case 500 -> "Internal Server Error";
      case 503 -> "Service Unavailable";
      default -> "Status";
    };
  }

  /**
   * Writes a complete response with the body {@code "<reason>\n"} (no body for HEAD).
   *
   * @param extra header name and value pairs, e.g. {@code WWW-Authenticate, Basic}
   */
  static void write(OutputStream out, int code, boolean head, Map<String, String> configured, String... extra)
      throws IOException {
    writeLine(out, code, head, configured, reason(code), extra);
  }

  /** As above with a fixed body line of the server's own. */
  static void writeLine(OutputStream out, int code, boolean head, Map<String, String> configured, String line,
      String... extra) throws IOException {
    byte[] body = (line + "\n").getBytes(StandardCharsets.US_ASCII);
    StringBuilder text = new StringBuilder(256);
    text.append("HTTP/1.1 ").append(code).append(' ').append(reason(code)).append("\r\n");
    appendHeader(text, "Content-Type", "text/plain; charset=utf-8");
    appendHeader(text, "X-Content-Type-Options", "nosniff");
    for (int i = 0; i + 1 < extra.length; i += 2) {
      appendHeader(text, extra[i], extra[i + 1]);
    }
    for (Map.Entry<String, String> header : configured.entrySet()) {
      if (!header.getKey().equals("X-Content-Type-Options")) {
        appendHeader(text, header.getKey(), header.getValue());
      }
    }
    appendHeader(text, "Content-Length", Integer.toString(head ? 0 : body.length));
    appendHeader(text, "Connection", "close");
    text.append("\r\n");
    out.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (!head) {
      out.write(body);
    }
    out.flush();
  }

  /** One header line; CR and LF in a value (never expected) are dropped so no header can be injected. */
  static void appendHeader(StringBuilder out, String name, String value) {
    out.append(name).append(": ");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '\r' && c != '\n') {
        out.append(c);
      }
    }
    out.append("\r\n");
  }
}
