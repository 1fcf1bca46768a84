package io.weft.agent.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A comma-separated list of names from a fixed set, or {@code none} alone for the empty list (the
 * OpenTelemetry convention for {@code OTEL_METRICS_EXPORTER}). Duplicates are dropped; order is kept.
 */
final class ChoiceListType implements ValueType<List<String>> {
  static final String NONE = "none";

  private final List<String> choices;

  ChoiceListType(String... choices) {
    this.choices = List.of(choices);
  }

  @Override
  public List<String> parse(String text) throws InvalidValueException {
    List<String> names = new ArrayList<>();
    boolean none = false;
    for (String part : text.split(",", -1)) {
      String name = part.trim().toLowerCase(Locale.ROOT);
      if (name.equals(NONE)) {
        none = true;
      } else if (choices.contains(name)) {
        if (!names.contains(name)) {
          names.add(name);
        }
      } else if (name.isEmpty()) {
        throw new InvalidValueException("empty entry in the list");
      } else {
        throw new InvalidValueException("unknown entry '" + name + "'");
      }
    }
    if (none && !names.isEmpty()) {
      throw new InvalidValueException("'none' cannot be combined with other entries");
    }
    return List.copyOf(names);
  }

  @Override
  public String accepted() {
    return "a comma-separated list of " + String.join(", ", choices) + "; or none";
  }

  @Override
  public String format(List<String> value) {
    return value.isEmpty() ? NONE : String.join(",", value);
  }
}
