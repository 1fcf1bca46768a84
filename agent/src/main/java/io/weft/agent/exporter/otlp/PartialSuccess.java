package io.weft.agent.exporter.otlp;

import java.nio.charset.StandardCharsets;

/**
 * The {@code partial_success} of an OTLP {@code ExportMetricsServiceResponse}: how many data points the
 * receiver rejected, and why. Read straight from the protobuf bytes: two fields do not justify a
 * protobuf runtime in the agent.
 *
 * <pre>
 * message ExportMetricsServiceResponse { ExportMetricsPartialSuccess partial_success = 1; }
 * message ExportMetricsPartialSuccess  { int64 rejected_data_points = 1; string error_message = 2; }
 * </pre>
 */
record PartialSuccess(long rejectedDataPoints, String errorMessage) {

  /**
   * The partial success in a response body, or null when the body has none (or only an empty one,
   * which the specification says means full success) or is not such a message.
   */
  static PartialSuccess parse(byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    try {
      Reader response = new Reader(body, 0, body.length);
      PartialSuccess found = null;
      while (response.more()) {
        int tag = (int) response.varint();
        if (tag == (1 << 3 | 2)) {
          int length = (int) response.varint();
          found = message(new Reader(body, response.at, length));
          response.at += length;
        } else {
          response.skip(tag & 7);
        }
      }
      return found == null || (found.rejectedDataPoints == 0 && found.errorMessage.isEmpty()) ? null : found;
    } catch (RuntimeException e) {
      return null; // Not an OTLP response (a proxy's page, say): nothing to report.
    }
  }

  private static PartialSuccess message(Reader in) {
    long rejected = 0;
    String message = "";
    while (in.more()) {
      int tag = (int) in.varint();
      if (tag == (1 << 3)) {
        rejected = in.varint();
      } else if (tag == (2 << 3 | 2)) {
        int length = (int) in.varint();
        in.check(length);
        message = new String(in.bytes, in.at, length, StandardCharsets.UTF_8);
        in.at += length;
      } else {
        in.skip(tag & 7);
      }
    }
    return new PartialSuccess(rejected, message);
  }

  /** Protobuf wire format over a slice of bytes; any inconsistency throws. */
  private static final class Reader {
    final byte[] bytes;
    final int end;
    int at;

    Reader(byte[] bytes, int from, int length) {
      if (length < 0 || from + length > bytes.length) {
        throw new IllegalArgumentException("truncated");
      }
      this.bytes = bytes;
      this.at = from;
      this.end = from + length;
    }

    boolean more() {
      return at < end;
    }

    long varint() {
      long value = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        check(1);
        byte b = bytes[at++];
        value |= (long) (b & 0x7f) << shift;
        if (b >= 0) {
          return value;
        }
      }
      throw new IllegalArgumentException("varint too long");
    }

    void check(int length) {
      if (length < 0 || at + length > end) {
        throw new IllegalArgumentException("truncated");
      }
    }

    void skip(int wireType) {
      switch (wireType) {
        case 0 -> varint();
        case 1 -> advance(8);
        case 2 -> advance((int) varint());
        case 5 -> advance(4);
        default -> throw new IllegalArgumentException("wire type " + wireType);
      }
    }

    private void advance(int length) {
      check(length);
      at += length;
    }
  }
}
