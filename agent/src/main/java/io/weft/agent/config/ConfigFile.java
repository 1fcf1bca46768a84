package io.weft.agent.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads the YAML file named by {@code WEFT_CONFIG_FILE} into dotted setting names and their text.
 *
 * <pre>{@code
 * log.level: debug          # the same as  log: {level: debug}
 * prometheus:
 *   port: 9464
 * exporters: [prometheus]   # a list becomes "prometheus"
 * resource:
 *   attributes:             # a map under an attribute setting becomes "deployment.environment=prod"
 *     deployment.environment: prod
 * }</pre>
 *
 * <p>Only this class touches the YAML library, and only when a file is configured.
 */
final class ConfigFile {
  static final String ACCEPTED = "a readable YAML file whose top level is a map of settings";

  private ConfigFile() {}

  /**
   * Returns the file's settings by dotted name, in file order. Never throws: a file that cannot be
   * read or parsed adds one line to {@code warnings} (naming {@code where}, the setting that named the
   * file) and yields no settings.
   *
   * @param attributeSettings names whose YAML value may be a map of attributes
   */
  static Map<String, String> read(String where, String location, Set<String> attributeSettings, List<String> warnings) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(Path.of(location));
    } catch (NoSuchFileException e) {
      warnings.add(invalid(where, location, "no such file"));
      return Map.of();
    } catch (InvalidPathException | IOException e) {
      warnings.add(invalid(where, location, "cannot be read: " + e));
      return Map.of();
    }
    Object document;
    try {
      LoadSettings settings = LoadSettings.builder()
          .setLabel(location)
          .setAllowDuplicateKeys(false)
          .setMaxAliasesForCollections(50)
          .build();
      document = new Load(settings).loadFromInputStream(new ByteArrayInputStream(bytes));
    } catch (MarkedYamlEngineException e) {
      warnings.add(invalid(where, location, "malformed YAML: " + describe(e)));
      return Map.of();
    } catch (YamlEngineException e) {
      warnings.add(invalid(where, location, "malformed YAML: " + Secrets.printable(String.valueOf(e.getMessage()))));
      return Map.of();
    } catch (RuntimeException | StackOverflowError e) {
      // The parser's own failures beyond its exception type (e.g. absurd nesting) must not escape either.
      warnings.add(invalid(where, location, "malformed YAML: " + Secrets.printable(e.toString())));
      return Map.of();
    }
    if (document == null) {
      return Map.of();
    }
    if (!(document instanceof Map)) {
      String kind = document instanceof List ? "a list" : "a single value";
      warnings.add(invalid(where, location, "the file holds " + kind + ", not a map of settings"));
      return Map.of();
    }
    Map<String, String> flat = new LinkedHashMap<>();
    flatten("", (Map<?, ?>) document, attributeSettings, flat, location, warnings);
    return flat;
  }

  private static String invalid(String where, String location, String reason) {
    return Config.invalidLine(where, Secrets.printable(location), reason, ACCEPTED, "using no file");
  }

  private static String describe(MarkedYamlEngineException e) {
    String problem = e.getProblem() == null ? e.getContext() : e.getProblem();
    Mark mark = e.getProblemMark().orElse(e.getContextMark().orElse(null));
    String where = mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    return Secrets.printable(problem + where);
  }

  private static void flatten(String prefix, Map<?, ?> map, Set<String> attributeSettings,
      Map<String, String> out, String location, List<String> warnings) {
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String name = prefix + entry.getKey();
      Object value = entry.getValue();
      String text;
      if (value instanceof Map && !attributeSettings.contains(name)) {
        flatten(name + ".", (Map<?, ?>) value, attributeSettings, out, location, warnings);
        continue;
      } else if (value instanceof Map) {
        Map<String, String> attributes = new LinkedHashMap<>();
        flattenAttributes("", (Map<?, ?>) value, attributes);
        text = AttributeListType.encode(attributes);
      } else {
        text = text(value);
      }
      if (text != null && out.put(name, text) != null) {
        warnings.add(name + " is set twice in " + Secrets.printable(location) + "; the later value applies");
      }
    }
  }

  private static void flattenAttributes(String prefix, Map<?, ?> map, Map<String, String> out) {
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String key = prefix + entry.getKey();
      if (entry.getValue() instanceof Map) {
        flattenAttributes(key + ".", (Map<?, ?>) entry.getValue(), out);
      } else if (entry.getValue() != null) {
        out.put(key, text(entry.getValue()));
      }
    }
  }

  /** Scalars as written; a list as comma-separated text; null (an empty value) as unset. */
  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof List) {
      StringBuilder text = new StringBuilder();
      for (Object element : (List<?>) value) {
        if (text.length() > 0) {
          text.append(',');
        }
        text.append(element);
      }
      return text.toString();
    }
    return String.valueOf(value);
  }
}
