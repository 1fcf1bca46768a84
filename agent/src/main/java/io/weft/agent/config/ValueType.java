package io.weft.agent.config;

/**
 * How the text of one setting becomes a typed value, and what text it accepts. The same
 * {@link #accepted()} wording appears in warning lines and in the generated documentation table.
 */
public interface ValueType<T> {

  /**
   * Parses text that is already trimmed and not empty.
   *
   * @throws InvalidValueException if the text is not accepted
   */
  T parse(String text) throws InvalidValueException;

  /** What is accepted, e.g. {@code true|false} or {@code an integer from 1 to 1000000}. */
  String accepted();

  /** The value written the way a user would configure it; used for defaults and the effective configuration. */
  default String format(T value) {
    return String.valueOf(value);
  }

  /**
   * Whether the OpenTelemetry variable and the Weft setting are combined (true) rather than the Weft
   * setting shadowing it (false, the usual case).
   */
  default boolean mergesWithFallback() {
    return false;
  }

  /** Combines the two when {@link #mergesWithFallback()}; the Weft value wins where they overlap. */
  default T merge(T fallback, T primary) {
    return primary;
  }
}
