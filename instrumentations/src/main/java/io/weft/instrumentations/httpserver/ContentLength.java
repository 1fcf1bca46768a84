package io.weft.instrumentations.httpserver;

/**
 * A {@code Content-Length} header value as a byte count. Body sizes are recorded only as declared
 * there: counting the bytes actually read or written would mean wrapping the streams of every
 * request, which costs far more than a header read.
 */
final class ContentLength {

  private ContentLength() {}

  /** The header's value, or -1 when it is absent or not a non-negative decimal number. Allocates nothing. */
  static long parse(String header) {
    if (header == null || header.isEmpty() || header.length() > 18) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < header.length(); i++) {
      char c = header.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
