package io.weft.agent.config;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Resource attributes written as OpenTelemetry's {@code OTEL_RESOURCE_ATTRIBUTES}:
 * {@code key1=value1,key2=value2}, with values percent-encoded where they hold characters outside
 * the W3C Baggage octet range (space, {@code "}, {@code ,}, {@code ;}, {@code \}, non-ASCII) or a
 * literal {@code %}. {@code +} is a plus sign, not a space. A malformed entry or escape rejects the
 * whole value, as the OpenTelemetry specification asks.
 *
 * <p>The OpenTelemetry variable and the Weft setting are merged: both apply, and the Weft entry wins
 * for a key present in both.
 */
final class AttributeListType implements ValueType<Map<String, String>> {
  static final AttributeListType INSTANCE = new AttributeListType();

  private AttributeListType() {}

  @Override
  public Map<String, String> parse(String text) throws InvalidValueException {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (String member : text.split(",", -1)) {
      String trimmed = member.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      int equals = trimmed.indexOf('=');
      if (equals < 0) {
        throw new InvalidValueException("entry '" + trimmed + "' has no '='");
      }
      String key = trimmed.substring(0, equals).trim();
      if (key.isEmpty()) {
        throw new InvalidValueException("entry '" + trimmed + "' has no key");
      }
      attributes.put(key, percentDecode(trimmed.substring(equals + 1).trim()));
    }
    return Collections.unmodifiableMap(attributes);
  }

  @Override
  public String accepted() {
    return "key=value pairs separated by commas, values percent-encoded";
  }

  @Override
  public String format(Map<String, String> value) {
    return encode(value);
  }

  @Override
  public boolean mergesWithFallback() {
    return true;
  }

  @Override
  public Map<String, String> merge(Map<String, String> fallback, Map<String, String> primary) {
    Map<String, String> merged = new LinkedHashMap<>(fallback);
    merged.putAll(primary);
    return Collections.unmodifiableMap(merged);
  }

  /** Writes attributes in the form {@link #parse} reads back. */
  static String encode(Map<String, String> attributes) {
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, String> entry : attributes.entrySet()) {
      if (text.length() > 0) {
        text.append(',');
      }
      text.append(entry.getKey()).append('=').append(percentEncode(entry.getValue()));
    }
    return text.toString();
  }

  private static String percentDecode(String value) throws InvalidValueException {
    if (value.indexOf('%') < 0) {
      return value;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '%') {
        // Non-ASCII characters typed directly are tolerated and kept as UTF-8.
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        continue;
      }
      int high = i + 2 < value.length() ? Character.digit(value.charAt(i + 1), 16) : -1;
      int low = high >= 0 ? Character.digit(value.charAt(i + 2), 16) : -1;
      if (low < 0) {
        throw new InvalidValueException("malformed percent escape in '" + value + "'");
      }
      bytes.write(high * 16 + low);
      i += 2;
    }
    // Invalid UTF-8 sequences decode to U+FFFD, as the W3C Baggage specification asks.
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static String percentEncode(String value) {
    StringBuilder text = new StringBuilder(value.length());
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int octet = b & 0xff;
      if (isBaggageOctet(octet) && octet != '%') {
        text.append((char) octet);
      } else {
        text.append('%').append(Character.toUpperCase(Character.forDigit(octet >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(octet & 0xf, 16)));
      }
    }
    return text.toString();
  }

  /** The W3C Baggage value octets: printable ASCII except space, {@code "}, {@code ,}, {@code ;} and {@code \}. */
  private static boolean isBaggageOctet(int octet) {
    return octet >= 0x21 && octet <= 0x7e && octet != '"' && octet != ',' && octet != ';' && octet != '\\';
  }
}
