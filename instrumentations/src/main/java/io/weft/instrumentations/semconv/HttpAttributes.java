package io.weft.instrumentations.semconv;

import java.util.Locale;

/**
 * HTTP attribute values per the semantic conventions, allocation-free for common values. An unknown
 * string value is the empty string, which the registry records as an absent attribute.
 */
public final class HttpAttributes {

  private static final String[] STATUS = new String[600];

  static {
    for (int i = 100; i < STATUS.length; i++) {
      STATUS[i] = Integer.toString(i).intern();
    }
  }

  private HttpAttributes() {}

  /** The method if it is one of the known HTTP methods (case-sensitive, as the spec says), else {@code _OTHER}. */
  public static String method(String method) {
    if (method == null) {
      return "_OTHER";
    }
    return switch (method) {
      case "GET" -> "GET";
      case "POST" -> "POST";
      case "PUT" -> "PUT";
      case "DELETE" -> "DELETE";
      case "HEAD" -> "HEAD";
      case "OPTIONS" -> "OPTIONS";
      case "PATCH" -> "PATCH";
      case "CONNECT" -> "CONNECT";
      case "TRACE" -> "TRACE";
      default -> "_OTHER";
    };
  }

  /** The status code as text ({@code "200"}), or empty when no valid status is known. */
  public static String statusCode(int status) {
    return status >= 100 && status < STATUS.length ? STATUS[status] : "";
  }

  /** {@code HTTP/1.1} -> {@code 1.1}, {@code HTTP/2.0} -> {@code 2}; empty when unknown. */
  public static String protocolVersion(String protocol) {
    if (protocol == null) {
      return "";
    }
    return switch (protocol) {
      case "HTTP/1.1" -> "1.1";
      case "HTTP/1.0" -> "1.0";
      case "HTTP/2", "HTTP/2.0" -> "2";
      case "HTTP/3", "HTTP/3.0" -> "3";
      default -> protocol.startsWith("HTTP/") ? protocol.substring(5) : "";
    };
  }

  /**
   * {@code HTTP/1.1} as ALPN names it ({@code http/1.1}, {@code h2}, {@code h3}; OkHttp's {@code
   * h2_prior_knowledge} too) -> {@code 1.1}, {@code 2}, {@code 3}; empty when unknown.
   */
  public static String alpnProtocolVersion(String alpn) {
    if (alpn == null) {
      return "";
    }
    return switch (alpn) {
      case "http/1.1" -> "1.1";
      case "http/1.0" -> "1.0";
      case "h2", "h2c", "h2_prior_knowledge" -> "2";
      case "h3", "quic" -> "3";
      default -> "";
    };
  }

  /** A version given as major and minor numbers: 1.1 -> {@code 1.1}, 2.0 -> {@code 2}; empty when unknown. */
  public static String protocolVersion(int major, int minor) {
    return switch (major) {
      case 1 -> minor == 1 ? "1.1" : minor == 0 ? "1.0" : "";
      case 2 -> "2";
      case 3 -> "3";
      default -> "";
    };
  }

  /**
   * {@code server.address} from a URI's host: the host alone (a URI host never holds a path, query or
   * user info), without the brackets of an IPv6 literal; empty when unknown.
   */
  public static String serverAddress(String host) {
    if (host == null) {
      return "";
    }
    int last = host.length() - 1;
    return last > 0 && host.charAt(0) == '[' && host.charAt(last) == ']' ? host.substring(1, last) : host;
  }

  /**
   * {@code server.port}: the port, or when the URI names none ({@code port <= 0}) the scheme's
   * default (80 for http and ws, 443 for https and wss); -1 when neither is known.
   */
  public static int serverPort(int port, String scheme) {
    if (port <= 0) {
      port = defaultPort(scheme);
    }
    return port > 0 && port <= 65535 ? port : -1;
  }

  private static int defaultPort(String scheme) {
    if (scheme == null) {
      return -1;
    }
    return switch (scheme.toLowerCase(Locale.ROOT)) {
      case "http", "ws" -> 80;
      case "https", "wss" -> 443;
      default -> -1;
    };
  }

  /**
   * {@code error.type} for a client request: when a response came, its status code if 4xx or 5xx,
   * else empty; when none came, the class of what the call threw (or empty if it threw nothing).
   *
   * @param status the response's status code, or a value below 100 when no response came
   */
  public static String clientErrorType(int status, Throwable thrown) {
    if (status >= 100) {
      return status >= 400 ? statusCode(status) : "";
    }
    return thrown != null ? thrown.getClass().getName() : "";
  }

  /**
   * {@code error.type} for a server span: the class of what escaped the handler; else the status
   * code for 5xx; else empty (no error).
   */
  public static String serverErrorType(int status, Throwable thrown) {
    if (thrown != null) {
      return thrown.getClass().getName();
    }
    return status >= 500 ? statusCode(status) : "";
  }
}
