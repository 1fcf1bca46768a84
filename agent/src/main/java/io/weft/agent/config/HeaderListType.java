package io.weft.agent.config;

import java.util.Map;

/**
 * HTTP headers written as OpenTelemetry's {@code OTEL_EXPORTER_OTLP_HEADERS}: {@code key1=value1,key2=value2},
 * values percent-encoded (the same form as resource attributes). Unlike resource attributes, a Weft
 * setting replaces the OpenTelemetry variable instead of being merged with it, as a more specific
 * OpenTelemetry headers variable replaces a general one.
 */
final class HeaderListType implements ValueType<Map<String, String>> {
  static final HeaderListType INSTANCE = new HeaderListType();

  private HeaderListType() {}

  @Override
  public Map<String, String> parse(String text) throws InvalidValueException {
    return AttributeListType.INSTANCE.parse(text);
  }

  @Override
  public String accepted() {
    return "name=value pairs separated by commas, values percent-encoded";
  }

  @Override
  public String format(Map<String, String> value) {
    return AttributeListType.encode(value);
  }
}
