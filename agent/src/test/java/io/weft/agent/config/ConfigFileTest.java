package io.weft.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weft.bootstrap.log.WeftLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
  @TempDir Path dir;

  private Map<String, String> read(String yaml, List<String> warnings) throws IOException {
    Path file = dir.resolve("weft.yaml");
    Files.writeString(file, yaml);
    return ConfigFile.read("WEFT_CONFIG_FILE", file.toString(), Set.of("resource.attributes"), warnings);
  }

  @Test
  void nestedMapsFlattenToDottedNames() throws IOException {
    List<String> warnings = new ArrayList<>();
    Map<String, String> nested = read("prometheus:\n  port: 9100\n  host: 0.0.0.0\nlog: {level: debug}\n", warnings);
    Map<String, String> dotted = read("prometheus.port: 9100\nprometheus.host: 0.0.0.0\nlog.level: debug\n", warnings);

    assertEquals(Map.of("prometheus.port", "9100", "prometheus.host", "0.0.0.0", "log.level", "debug"), nested);
    assertEquals(nested, dotted);
    assertEquals(List.of(), warnings);
  }

  @Test
  void mixedNestingAtAnyDepth() throws IOException {
    List<String> warnings = new ArrayList<>();
    Map<String, String> flat = read("instrumentation:\n  jvm.enabled: false\n  process:\n    enabled: true\n", warnings);

    assertEquals(Map.of("instrumentation.jvm.enabled", "false", "instrumentation.process.enabled", "true"), flat);
  }

  @Test
  void listsBecomeCommaSeparatedAndNullsAreUnset() throws IOException {
    List<String> warnings = new ArrayList<>();
    Map<String, String> flat = read("exporters: [prometheus, none]\nservice.name:\n", warnings);

    assertEquals(Map.of("exporters", "prometheus,none"), flat);
  }

  @Test
  void attributeMapsBecomeEncodedAttributeText() throws IOException {
    List<String> warnings = new ArrayList<>();
    Map<String, String> flat = read("resource:\n  attributes:\n    deployment:\n      environment: prod\n"
        + "    owner: \"Jane Doe, ops\"\n    replicas: 3\n", warnings);

    assertEquals(Map.of("resource.attributes", "deployment.environment=prod,owner=Jane%20Doe%2C%20ops,replicas=3"), flat);
    Map<String, String> parsed = Config.load(Map.of(),
        Map.of("WEFT_CONFIG_FILE", dir.resolve("weft.yaml").toString())).get(ConfigKeys.RESOURCE_ATTRIBUTES);
    assertEquals(Map.of("deployment.environment", "prod", "owner", "Jane Doe, ops", "replicas", "3"), parsed);
  }

  @Test
  void sameSettingTwiceThroughDifferentNestingKeepsTheLaterWithOneWarning() throws IOException {
    List<String> warnings = new ArrayList<>();
    Path file = dir.resolve("weft.yaml");
    Map<String, String> flat = read("prometheus.port: 9100\nprometheus:\n  port: 9200\n", warnings);

    assertEquals(Map.of("prometheus.port", "9200"), flat);
    assertEquals(List.of("prometheus.port is set twice in " + file + "; the later value applies"), warnings);
  }

  @Test
  void emptyFileHasNoSettingsAndNoWarnings() throws IOException {
    List<String> warnings = new ArrayList<>();

    assertEquals(Map.of(), read("# nothing yet\n", warnings));
    assertEquals(List.of(), warnings);
  }

  @Test
  void yamlScalarsAreReadAsTheirText() throws IOException {
    Path file = dir.resolve("weft.yaml");
    Files.writeString(file, "log.level: DEBUG\ninstrumentation.jvm.enabled: false\nmetric.series.limit: 500\n");
    Config config = Config.load(Map.of(), Map.of("WEFT_CONFIG_FILE", file.toString()));

    assertEquals(WeftLog.Level.DEBUG, config.get(ConfigKeys.LOG_LEVEL));
    assertEquals(false, config.get(ConfigKeys.INSTRUMENTATION_JVM_ENABLED));
    assertEquals(500, config.get(ConfigKeys.METRIC_SERIES_LIMIT));
    assertEquals(List.of(), config.warnings());
  }
}
