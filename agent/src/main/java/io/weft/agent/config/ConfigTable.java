package io.weft.agent.config;

import java.util.List;

/**
 * The documentation table of every setting, generated from the catalogue. {@code docs/configuration.md}
 * and {@code README.md} hold it between {@link #START} and {@link #END}; a unit test keeps them equal.
 */
public final class ConfigTable {
  public static final String START = "<!-- weft-config-table:start -->";
  public static final String END = "<!-- weft-config-table:end -->";

  private ConfigTable() {}

  /** The Markdown table for the whole catalogue, one row per setting, ending with a newline. */
  public static String markdown() {
    return markdown(ConfigKeys.all());
  }

  static String markdown(List<ConfigKey<?>> catalogue) {
    StringBuilder table = new StringBuilder();
    table.append("| Environment variable | System property | YAML key | Default | Accepted values | Description |\n");
    table.append("|---|---|---|---|---|---|\n");
    for (ConfigKey<?> key : catalogue) {
      String description = key.description();
      if (key.otelFallback() != null && key.type().mergesWithFallback()) {
        description += " Merged with `" + key.otelFallback() + "`; Weft's entries win.";
      } else if (key.otelFallback() != null) {
        description += " Fallback: `" + key.otelFallback() + "`.";
      }
      table.append("| `").append(key.environmentVariable())
          .append("` | `").append(key.systemProperty())
          .append("` | ").append(key.inFile() ? "`" + key.name() + "`" : "-")
          .append(" | ").append(defaultCell(key))
          .append(" | ").append(cell(key.type().accepted()))
          .append(" | ").append(cell(description))
          .append(" |\n");
    }
    return table.toString();
  }

  /**
   * Replaces what lies between the markers in {@code document} with the current table; returns the
   * document unchanged when the markers are missing.
   */
  public static String replaceBetweenMarkers(String document) {
    int start = document.indexOf(START);
    int end = document.indexOf(END);
    if (start < 0 || end < start) {
      return document;
    }
    return document.substring(0, start + START.length()) + "\n" + markdown() + document.substring(end);
  }

  /** The text between the markers, or null when they are missing. */
  public static String betweenMarkers(String document) {
    int start = document.indexOf(START);
    int end = document.indexOf(END);
    if (start < 0 || end < start) {
      return null;
    }
    String inner = document.substring(start + START.length(), end);
    return inner.startsWith("\n") ? inner.substring(1) : inner;
  }

  private static String defaultCell(ConfigKey<?> key) {
    String value = key.documentedDefault();
    if (value.isEmpty()) {
      return "-";
    }
    return key.defaultValue() == null ? cell(value) : "`" + value.replace("|", "\\|") + "`";
  }

  /** Escapes the table's column separator. */
  private static String cell(String text) {
    return text.replace("|", "\\|");
  }
}
