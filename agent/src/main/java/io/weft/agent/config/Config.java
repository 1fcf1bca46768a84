package io.weft.agent.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The resolved configuration: one typed value per setting of the catalogue.
 *
 * <pre>{@code
 * Config config = Config.load(systemProperties, System.getenv());
 * config.warnings().forEach(WeftLog::warn);
 * int port = config.get(ConfigKeys.PROMETHEUS_PORT);
 * }</pre>
 *
 * <p>For each setting the first source that sets it wins: system property {@code weft.x.y},
 * environment variable {@code WEFT_X_Y}, the YAML file, then the OpenTelemetry variable where one is
 * defined, then the default. An empty value counts as unset, as in OpenTelemetry. A value that is set
 * but invalid yields one warning line naming where it was set, the value and what is accepted, and the
 * default applies (lower sources are not consulted, so the line tells the whole story). Every setting
 * is resolved once, at load, so each problem is reported exactly once whether or not anyone reads it.
 * Names under {@code weft.} / {@code WEFT_} (and keys in the file) that are not in the catalogue give
 * one warning each. Nothing throws.
 */
public final class Config {
  private static final String SYSTEM_PROPERTY_PREFIX = "weft.";
  private static final String ENVIRONMENT_PREFIX = "WEFT_";

  private final List<ConfigKey<?>> catalogue;
  private final Map<ConfigKey<?>, Object> values;
  private final Map<ConfigKey<?>, String> origins;
  private final List<String> warnings;

  private Config(List<ConfigKey<?>> catalogue, Map<ConfigKey<?>, Object> values,
      Map<ConfigKey<?>, String> origins, List<String> warnings) {
    this.catalogue = catalogue;
    this.values = values;
    this.origins = origins;
    this.warnings = Collections.unmodifiableList(warnings);
  }

  /** Reads this process's system properties ({@code weft.*} only) and environment. */
  public static Config fromProcess() {
    Map<String, String> properties = new HashMap<>();
    for (String name : System.getProperties().stringPropertyNames()) {
      if (name.startsWith(SYSTEM_PROPERTY_PREFIX)) {
        properties.put(name, System.getProperty(name));
      }
    }
    return load(properties, System.getenv());
  }

  /** Resolves the catalogue from the given sources; the file, if named, is read from disk. */
  public static Config load(Map<String, String> systemProperties, Map<String, String> environment) {
    return load(systemProperties, environment, ConfigKeys.all());
  }

  static Config load(Map<String, String> systemProperties, Map<String, String> environment,
      List<ConfigKey<?>> catalogue) {
    List<String> warnings = new ArrayList<>();
    Map<String, String> file = Map.of();
    String fileLabel = null;
    Setting fileSetting = primarySetting(ConfigKeys.CONFIG_FILE, systemProperties, environment, Map.of(), null);
    if (fileSetting != null) {
      fileLabel = fileSetting.text;
      Set<String> attributeSettings = new HashSet<>();
      for (ConfigKey<?> key : catalogue) {
        if (key.type() instanceof AttributeListType) {
          attributeSettings.add(key.name());
        }
      }
      file = ConfigFile.read(fileSetting.where, fileSetting.text, attributeSettings, warnings);
    }

    Map<ConfigKey<?>, Object> values = new HashMap<>();
    Map<ConfigKey<?>, String> origins = new HashMap<>();
    for (ConfigKey<?> key : catalogue) {
      resolve(key, systemProperties, environment, file, fileLabel, values, origins, warnings);
    }
    reportUnknown(catalogue, systemProperties, environment, file, fileLabel, warnings);
    return new Config(List.copyOf(catalogue), values, origins, warnings);
  }

  /** The value of a setting; its default when it is not in the catalogue this was loaded from. */
  @SuppressWarnings("unchecked")
  public <T> T get(ConfigKey<T> key) {
    return values.containsKey(key) ? (T) values.get(key) : key.defaultValue();
  }

  /**
   * Where the value came from: {@code -Dweft.x.y}, {@code WEFT_X_Y}, {@code x.y in <file>}, an
   * OpenTelemetry variable, both joined with {@code +} when merged, or {@code default}.
   */
  public String origin(ConfigKey<?> key) {
    return origins.getOrDefault(key, "default");
  }

  /** One line per problem found while loading, in the order found; empty when all is well. */
  public List<String> warnings() {
    return warnings;
  }

  /**
   * The effective configuration, one line per setting ({@code WEFT_PROMETHEUS_PORT=9464 (default)}),
   * secrets masked.
   */
  public List<String> effectiveLines() {
    List<String> lines = new ArrayList<>(catalogue.size());
    for (ConfigKey<?> key : catalogue) {
      lines.add(key.environmentVariable() + "=" + shownValue(key) + " (" + origin(key) + ")");
    }
    return lines;
  }

  private <T> String shownValue(ConfigKey<T> key) {
    T value = get(key);
    String text = value == null ? "" : key.type().format(value);
    if (text.isEmpty()) {
      // Unset: say what applies instead, e.g. <main class or jar name, ...>.
      return key.documentedDefault().isEmpty() ? "<none>" : "<" + key.documentedDefault() + ">";
    }
    return Secrets.show(key.name(), text);
  }

  /**
   * The one line for an invalid value: {@code WEFT_X=abc is not valid: reason (accepted: ...); using
   * the default 9464}. The value must already be masked or made printable.
   */
  static String invalidLine(String where, String shownValue, String reason, String accepted, String consequence) {
    return where + "=" + shownValue + " is not valid" + (reason == null ? "" : ": " + reason)
        + " (accepted: " + accepted + "); " + consequence;
  }

  private static <T> void resolve(ConfigKey<T> key, Map<String, String> systemProperties,
      Map<String, String> environment, Map<String, String> file, String fileLabel,
      Map<ConfigKey<?>, Object> values, Map<ConfigKey<?>, String> origins, List<String> warnings) {
    Setting primary = primarySetting(key, systemProperties, environment, file, fileLabel);
    Setting fallback = null;
    if (key.otelFallback() != null && (primary == null || key.type().mergesWithFallback())) {
      fallback = Setting.of(environment.get(key.otelFallback()), key.otelFallback());
    }
    boolean merging = key.type().mergesWithFallback();
    T primaryValue = primary == null ? null : parse(key, primary, merging, warnings);
    T fallbackValue = fallback == null ? null : parse(key, fallback, merging, warnings);

    if (primaryValue != null && fallbackValue != null) {
      values.put(key, key.type().merge(fallbackValue, primaryValue));
      origins.put(key, primary.where + " + " + fallback.where);
    } else if (primaryValue != null) {
      values.put(key, primaryValue);
      origins.put(key, primary.where);
    } else if (fallbackValue != null) {
      values.put(key, fallbackValue);
      origins.put(key, fallback.where);
    } else {
      values.put(key, key.defaultValue());
      origins.put(key, "default");
    }
  }

  private static Setting primarySetting(ConfigKey<?> key, Map<String, String> systemProperties,
      Map<String, String> environment, Map<String, String> file, String fileLabel) {
    Setting setting = Setting.of(systemProperties.get(key.systemProperty()), "-D" + key.systemProperty());
    if (setting == null) {
      setting = Setting.of(environment.get(key.environmentVariable()), key.environmentVariable());
    }
    if (setting == null && key.inFile()) {
      setting = Setting.of(file.get(key.name()), key.name() + " in " + Secrets.printable(String.valueOf(fileLabel)));
    }
    return setting;
  }

  /** The parsed value, or null after adding the one warning line. */
  private static <T> T parse(ConfigKey<T> key, Setting setting, boolean merging, List<String> warnings) {
    try {
      return key.type().parse(setting.text);
    } catch (InvalidValueException e) {
      String consequence;
      if (merging) {
        consequence = "ignoring it";
      } else if (key.documentedDefault().isEmpty()) {
        consequence = "leaving it unset";
      } else {
        consequence = "using the default " + key.documentedDefault();
      }
      warnings.add(invalidLine(setting.where, Secrets.show(key.name(), setting.text), e.reason(),
          key.type().accepted(), consequence));
      return null;
    }
  }

  private static void reportUnknown(List<ConfigKey<?>> catalogue, Map<String, String> systemProperties,
      Map<String, String> environment, Map<String, String> file, String fileLabel, List<String> warnings) {
    Set<String> knownProperties = new HashSet<>();
    Set<String> knownVariables = new HashSet<>();
    Set<String> knownFileKeys = new HashSet<>();
    for (ConfigKey<?> key : catalogue) {
      knownProperties.add(key.systemProperty());
      knownVariables.add(key.environmentVariable());
      if (key.inFile()) {
        knownFileKeys.add(key.name());
      }
    }
    for (String name : new TreeSet<>(systemProperties.keySet())) {
      if (name.startsWith(SYSTEM_PROPERTY_PREFIX) && !knownProperties.contains(name)) {
        warnings.add(unknownLine("-D" + name, "-D", knownProperties, name));
      }
    }
    for (String name : new TreeSet<>(environment.keySet())) {
      if (name.startsWith(ENVIRONMENT_PREFIX) && !knownVariables.contains(name)) {
        warnings.add(unknownLine(name, "", knownVariables, name));
      }
    }
    for (String name : file.keySet()) {
      if (!knownFileKeys.contains(name)) {
        warnings.add(unknownLine(Secrets.printable(name) + " in " + Secrets.printable(fileLabel), "",
            knownFileKeys, name));
      }
    }
  }

  private static String unknownLine(String where, String suggestionPrefix, Set<String> known, String name) {
    String nearest = Spelling.nearest(name, known);
    return "unknown setting " + where + " is ignored"
        + (nearest == null ? "" : "; did you mean " + suggestionPrefix + nearest + "?");
  }

  /** One raw value and where it was set, as a user would name it. */
  private static final class Setting {
    final String text;
    final String where;

    private Setting(String text, String where) {
      this.text = text;
      this.where = where;
    }

    /** Null when unset or blank: an empty value counts as unset. */
    static Setting of(String raw, String where) {
      if (raw == null || raw.isBlank()) {
        return null;
      }
      return new Setting(raw.trim(), where);
    }
  }
}
