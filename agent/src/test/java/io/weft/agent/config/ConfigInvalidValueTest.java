package io.weft.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weft.bootstrap.log.WeftLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input: exactly one line naming where, the value and what is accepted; the default applies. */
class ConfigInvalidValueTest {
  @TempDir Path dir;

  private static Config env(String name, String value) {
    return Config.load(Map.of(), Map.of(name, value));
  }

  @Test
  void unknownEnumValue() {
    Config config = env("WEFT_LOG_LEVEL", "verbose");

    assertEquals(WeftLog.Level.INFO, config.get(ConfigKeys.LOG_LEVEL));
    assertEquals(List.of("WEFT_LOG_LEVEL=verbose is not valid (accepted: error|warn|info|debug); using the default info"),
        config.warnings());
  }

  @Test
  void badNumber() {
    Config config = env("WEFT_METRIC_SERIES_LIMIT", "lots");

    assertEquals(2000, config.get(ConfigKeys.METRIC_SERIES_LIMIT));
    assertEquals(List.of("WEFT_METRIC_SERIES_LIMIT=lots is not valid (accepted: an integer from 1 to 1000000);"
        + " using the default 2000"), config.warnings());
  }

  @Test
  void numberOutOfRange() {
    Config config = env("WEFT_METRIC_SERIES_LIMIT", "0");

    assertEquals(2000, config.get(ConfigKeys.METRIC_SERIES_LIMIT));
    assertEquals(List.of("WEFT_METRIC_SERIES_LIMIT=0 is not valid (accepted: an integer from 1 to 1000000);"
        + " using the default 2000"), config.warnings());
  }

  @Test
  void portOutOfRange() {
    Config config = env("WEFT_PROMETHEUS_PORT", "65536");

    assertEquals(9464, config.get(ConfigKeys.PROMETHEUS_PORT));
    assertEquals(List.of("WEFT_PROMETHEUS_PORT=65536 is not valid (accepted: a port from 0 to 65535;"
        + " 0 = any free port); using the default 9464"), config.warnings());
  }

  @Test
  void negativePortFromASystemPropertyIsNamedAsTheProperty() {
    Config config = Config.load(Map.of("weft.prometheus.port", "-1"), Map.of());

    assertEquals(9464, config.get(ConfigKeys.PROMETHEUS_PORT));
    assertEquals(List.of("-Dweft.prometheus.port=-1 is not valid (accepted: a port from 0 to 65535;"
        + " 0 = any free port); using the default 9464"), config.warnings());
  }

  @Test
  void invalidValueUsesTheDefaultEvenWhenALowerSourceIsValid() {
    Config config = Config.load(Map.of("weft.prometheus.port", "http"), Map.of("WEFT_PROMETHEUS_PORT", "9100"));

    assertEquals(9464, config.get(ConfigKeys.PROMETHEUS_PORT));
    assertEquals(1, config.warnings().size());
  }

  @Test
  void badBoolean() {
    Config config = env("WEFT_INSTRUMENTATION_PROCESS_ENABLED", "yes");

    assertEquals(true, config.get(ConfigKeys.INSTRUMENTATION_PROCESS_ENABLED));
    assertEquals(List.of("WEFT_INSTRUMENTATION_PROCESS_ENABLED=yes is not valid (accepted: true|false);"
        + " using the default true"), config.warnings());
  }

  @Test
  void unknownExporter() {
    Config config = env("WEFT_EXPORTERS", "prometheus,zipkin");

    assertEquals(List.of("prometheus"), config.get(ConfigKeys.EXPORTERS));
    assertEquals(List.of("WEFT_EXPORTERS=prometheus,zipkin is not valid: unknown entry 'zipkin'"
        + " (accepted: a comma-separated list of prometheus, otlp; or none); using the default prometheus"),
        config.warnings());
  }

  @Test
  void noneCombinedWithAnExporter() {
    Config config = env("WEFT_EXPORTERS", "none,prometheus");

    assertEquals(List.of("prometheus"), config.get(ConfigKeys.EXPORTERS));
    assertEquals(List.of("WEFT_EXPORTERS=none,prometheus is not valid: 'none' cannot be combined with other entries"
        + " (accepted: a comma-separated list of prometheus, otlp; or none); using the default prometheus"),
        config.warnings());
  }

  @Test
  void invalidOtelFallbackIsNamedAsTheOtelVariable() {
    Config config = env("OTEL_METRICS_EXPORTER", "console");

    assertEquals(List.of("prometheus"), config.get(ConfigKeys.EXPORTERS));
    assertEquals(List.of("OTEL_METRICS_EXPORTER=console is not valid: unknown entry 'console'"
        + " (accepted: a comma-separated list of prometheus, otlp; or none); using the default prometheus"),
        config.warnings());
  }

  @Test
  void shadowedOtelValueIsNotReported() {
    Config config = Config.load(Map.of(), Map.of("OTEL_METRICS_EXPORTER", "console", "WEFT_EXPORTERS", "none"));

    assertEquals(List.of(), config.get(ConfigKeys.EXPORTERS));
    assertEquals(List.of(), config.warnings());
  }

  @Test
  void malformedPercentEscapeInOtelResourceAttributesDiscardsTheWholeValue() {
    Config config = env("OTEL_RESOURCE_ATTRIBUTES", "team=core,owner=50%");

    assertEquals(Map.of(), config.get(ConfigKeys.RESOURCE_ATTRIBUTES));
    assertEquals(List.of("OTEL_RESOURCE_ATTRIBUTES=team=core,owner=50% is not valid:"
        + " malformed percent escape in '50%'"
        + " (accepted: key=value pairs separated by commas, values percent-encoded); ignoring it"),
        config.warnings());
  }

  @Test
  void badValueInTheFileIsNamedWithTheFile() throws IOException {
    Path file = dir.resolve("weft.yaml");
    Files.writeString(file, "prometheus:\n  port: 1.5\n");
    Config config = env("WEFT_CONFIG_FILE", file.toString());

    assertEquals(9464, config.get(ConfigKeys.PROMETHEUS_PORT));
    assertEquals(List.of("prometheus.port in " + file + "=1.5 is not valid (accepted: a port from 0 to 65535;"
        + " 0 = any free port); using the default 9464"), config.warnings());
  }

  @Test
  void missingFile() {
    Path missing = dir.resolve("missing.yaml");
    Config config = Config.load(Map.of(), Map.of("WEFT_CONFIG_FILE", missing.toString(), "WEFT_PROMETHEUS_PORT", "9100"));

    assertEquals(9100, config.get(ConfigKeys.PROMETHEUS_PORT));
    assertEquals(List.of("WEFT_CONFIG_FILE=" + missing + " is not valid: no such file"
        + " (accepted: a readable YAML file whose top level is a map of settings); using no file"),
        config.warnings());
  }

  @Test
  void unreadableFile() {
    Config config = env("WEFT_CONFIG_FILE", dir.toString());

    assertEquals(1, config.warnings().size());
    String line = config.warnings().get(0);
    assertEquals(true, line.startsWith("WEFT_CONFIG_FILE=" + dir + " is not valid: cannot be read: "), line);
    assertEquals(true, line.endsWith(
        " (accepted: a readable YAML file whose top level is a map of settings); using no file"), line);
  }

  @Test
  void malformedYaml() throws IOException {
    Path file = dir.resolve("weft.yaml");
    Files.writeString(file, "prometheus:\n  port: 9100\n   host: [oops\n");
    Config config = Config.load(Map.of("weft.config.file", file.toString()), Map.of());

    assertEquals(9464, config.get(ConfigKeys.PROMETHEUS_PORT));
    assertEquals(1, config.warnings().size());
    String line = config.warnings().get(0);
    assertEquals(true, line.startsWith("-Dweft.config.file=" + file + " is not valid: malformed YAML: "), line);
    assertEquals(true, line.contains(" at line 3, column "), line);
    assertEquals(false, line.contains("\n"), line);
  }

  @Test
  void duplicateKeysAtOneLevelAreMalformed() throws IOException {
    Path file = dir.resolve("weft.yaml");
    Files.writeString(file, "log.level: debug\nlog.level: warn\n");
    Config config = env("WEFT_CONFIG_FILE", file.toString());

    assertEquals(WeftLog.Level.INFO, config.get(ConfigKeys.LOG_LEVEL));
    assertEquals(1, config.warnings().size());
    assertEquals(true, config.warnings().get(0).contains("malformed YAML: found duplicate key log.level"),
        config.warnings().get(0));
  }

  @Test
  void yamlThatIsAList() throws IOException {
    Path file = dir.resolve("weft.yaml");
    Files.writeString(file, "- prometheus.port: 9100\n");
    Config config = env("WEFT_CONFIG_FILE", file.toString());

    assertEquals(List.of("WEFT_CONFIG_FILE=" + file + " is not valid: the file holds a list, not a map of settings"
        + " (accepted: a readable YAML file whose top level is a map of settings); using no file"),
        config.warnings());
  }

  @Test
  void yamlThatIsAScalar() throws IOException {
    Path file = dir.resolve("weft.yaml");
    Files.writeString(file, "prometheus.port=9100\n");
    Config config = env("WEFT_CONFIG_FILE", file.toString());

    assertEquals(9464, config.get(ConfigKeys.PROMETHEUS_PORT));
    assertEquals(List.of("WEFT_CONFIG_FILE=" + file + " is not valid: the file holds a single value, not a map of"
        + " settings (accepted: a readable YAML file whose top level is a map of settings); using no file"),
        config.warnings());
  }

  @Test
  void valueWithNewlinesStaysOnOneLine() {
    Config config = env("WEFT_LOG_LEVEL", "info\n[weft] ERROR forged");

    assertEquals(List.of("WEFT_LOG_LEVEL=info\\n[weft] ERROR forged is not valid (accepted: error|warn|info|debug);"
        + " using the default info"), config.warnings());
  }

  @Test
  void unknownWeftVariablesGiveOneLineEachWithASuggestion() {
    Config config = Config.load(Map.of(), Map.of(
        "WEFT_PROMETHEUS_PROT", "9100",
        "WEFT_COMPLETELY_DIFFERENT", "x",
        "OTHER_VARIABLE", "ignored",
        "WEFT_LOG_LEVEL", "info"));

    assertEquals(List.of(
        "unknown setting WEFT_COMPLETELY_DIFFERENT is ignored",
        "unknown setting WEFT_PROMETHEUS_PROT is ignored; did you mean WEFT_PROMETHEUS_PORT?"), config.warnings());
  }

  @Test
  void unknownSystemPropertiesAndFileKeysAreReportedToo() throws IOException {
    Path file = dir.resolve("weft.yaml");
    Files.writeString(file, "prometheus:\n  prot: 9100\nexporter: prometheus\n");
    Config config = Config.load(Map.of("weft.log.levl", "debug", "weft.config.file", file.toString()), Map.of());

    assertEquals(List.of(
        "unknown setting -Dweft.log.levl is ignored; did you mean -Dweft.log.level?",
        "unknown setting prometheus.prot in " + file + " is ignored; did you mean prometheus.port?",
        "unknown setting exporter in " + file + " is ignored; did you mean exporters?"), config.warnings());
  }
}
