package io.weft.agent.config;

import java.util.List;
import java.util.Locale;

/** One word from a fixed set, such as {@code gzip|none}; read in any case, kept in the set's spelling. */
final class ChoiceType implements ValueType<String> {
  private final List<String> choices;

  ChoiceType(String... choices) {
    this.choices = List.of(choices);
  }

  @Override
  public String parse(String text) throws InvalidValueException {
    String lower = text.toLowerCase(Locale.ROOT);
    for (String choice : choices) {
      if (choice.equals(lower)) {
        return choice;
      }
    }
    throw new InvalidValueException();
  }

  @Override
  public String accepted() {
    return String.join("|", choices);
  }
}
