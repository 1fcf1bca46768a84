package io.weft.agent.config;

import java.util.Locale;

/**
 * One setting: its dotted name and the names derived from it, its type, default and one-line
 * description. The dotted name {@code prometheus.port} is read as the system property
 * {@code weft.prometheus.port}, the environment variable {@code WEFT_PROMETHEUS_PORT} and the YAML key
 * {@code prometheus.port}. Instances are immutable; the {@code with...} methods return copies.
 *
 * <p>Names are lower-case words separated by dots, so the mapping to and from environment variable
 * names is unambiguous.
 */
public final class ConfigKey<T> {
  private final String name;
  private final ValueType<T> type;
  private final T defaultValue;
  private final String description;
  private final String otelFallback;
  private final boolean inFile;
  private final String documentedDefault;

  private ConfigKey(String name, ValueType<T> type, T defaultValue, String description,
      String otelFallback, boolean inFile, String documentedDefault) {
    if (!isDottedName(name)) {
      throw new IllegalArgumentException("setting names are lower-case words joined by dots: " + name);
    }
    this.name = name;
    this.type = type;
    this.defaultValue = defaultValue;
    this.description = description;
    this.otelFallback = otelFallback;
    this.inFile = inFile;
    this.documentedDefault = documentedDefault;
  }

  /** A setting read from system properties, the environment and the file; {@code defaultValue} may be null. */
  public static <T> ConfigKey<T> of(String name, ValueType<T> type, T defaultValue, String description) {
    return new ConfigKey<>(name, type, defaultValue, description, null, true, null);
  }

  /** The same setting, also read from an OpenTelemetry environment variable when Weft's is not set. */
  public ConfigKey<T> withOtelFallback(String environmentVariable) {
    return new ConfigKey<>(name, type, defaultValue, description, environmentVariable, inFile, documentedDefault);
  }

  /** The same setting, not read from the YAML file (the file's own location, for one). */
  public ConfigKey<T> withoutFile() {
    return new ConfigKey<>(name, type, defaultValue, description, otelFallback, false, documentedDefault);
  }

  /** The same setting, documenting its default in words (when it is computed, e.g. from the main class). */
  public ConfigKey<T> withDocumentedDefault(String words) {
    return new ConfigKey<>(name, type, defaultValue, description, otelFallback, inFile, words);
  }

  /** Lower-case words of letters and digits, each starting with a letter, joined by single dots. */
  private static boolean isDottedName(String name) {
    boolean wordStart = true;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '.' && !wordStart) {
        wordStart = true;
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9' && !wordStart)) {
        wordStart = false;
      } else {
        return false;
      }
    }
    return !wordStart;
  }

  /** The dotted name, e.g. {@code prometheus.port}; also the YAML key. */
  public String name() {
    return name;
  }

  /** E.g. {@code weft.prometheus.port}. */
  public String systemProperty() {
    return "weft." + name;
  }

  /** E.g. {@code WEFT_PROMETHEUS_PORT}. */
  public String environmentVariable() {
    return "WEFT_" + name.toUpperCase(Locale.ROOT).replace('.', '_');
  }

  /** Whether the YAML file may set it. */
  public boolean inFile() {
    return inFile;
  }

  /** The OpenTelemetry environment variable read when Weft's is not set, or null. */
  public String otelFallback() {
    return otelFallback;
  }

  public ValueType<T> type() {
    return type;
  }

  /** The value used when nothing (valid) is configured; may be null. */
  public T defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  /** The default as a user would write it, or the words that describe a computed default. */
  public String documentedDefault() {
    if (documentedDefault != null) {
      return documentedDefault;
    }
    return defaultValue == null ? "" : type.format(defaultValue);
  }

  /** Whether values are masked when printed (the name holds password, token, secret, key or headers). */
  public boolean isSecret() {
    return Secrets.isSecret(name);
  }

  @Override
  public String toString() {
    return environmentVariable();
  }
}
