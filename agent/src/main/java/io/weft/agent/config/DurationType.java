package io.weft.agent.config;

import java.time.Duration;

/**
 * A positive duration such as {@code 500ms}, {@code 10s}, {@code 5m} or {@code 1h}; a bare number is
 * milliseconds, as in OpenTelemetry's {@code OTEL_METRIC_EXPORT_INTERVAL}.
 */
final class DurationType implements ValueType<Duration> {
  private final Duration min;
  private final Duration max;

  DurationType(Duration min, Duration max) {
    this.min = min;
    this.max = max;
  }

  @Override
  public Duration parse(String text) throws InvalidValueException {
    int digits = 0;
    while (digits < text.length() && Character.isDigit(text.charAt(digits))) {
      digits++;
    }
    if (digits == 0 || digits > 12) {
      throw new InvalidValueException();
    }
    long amount = Long.parseLong(text.substring(0, digits));
    Duration value;
    switch (text.substring(digits).trim()) {
      case "":
      case "ms":
        value = Duration.ofMillis(amount);
        break;
      case "s":
        value = Duration.ofSeconds(amount);
        break;
      case "m":
        value = Duration.ofMinutes(amount);
        break;
      case "h":
        value = Duration.ofHours(amount);
        break;
      default:
        throw new InvalidValueException();
    }
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new InvalidValueException();
    }
    return value;
  }

  @Override
  public String accepted() {
    return "a duration from " + format(min) + " to " + format(max)
        + " written as 500ms, 10s, 5m or 1h (a bare number is milliseconds)";
  }

  @Override
  public String format(Duration value) {
    long millis = value.toMillis();
    if (millis == 0) {
      return "0";
    }
    if (millis % 3_600_000 == 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis % 60_000 == 0) {
      return millis / 60_000 + "m";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + "s";
    }
    return millis + "ms";
  }
}
