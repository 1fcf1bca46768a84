package io.weft.instrumentations.semconv;

/** HTTP attribute values per the semantic conventions, allocation-free for common values. */
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
