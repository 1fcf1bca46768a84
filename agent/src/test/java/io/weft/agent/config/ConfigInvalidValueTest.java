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

  /** A weft.yaml holding {@code yaml}, in the test's directory. */
  private Path yaml(String yaml) throws IOException {
    Path file = dir.resolve("weft.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  /** {@code key} has the value {@code applied}, and {@code warning} is the one warning. */
  private static <T> void assertFallsBack(Config config, ConfigKey<T> key, T applied, String warning) {
    assertEquals(applied, config.get(key));
    assertEquals(List.of(warning), config.warnings());
  }

  @Test
  void unknownEnumValue() {
    assertFallsBack(env("WEFT_LOG_LEVEL", "verbose"), ConfigKeys.LOG_LEVEL, WeftLog.Level.INFO,
        "WEFT_LOG_LEVEL=verbose is not valid (accepted: error|warn|info|debug); using the default info");
  }

  @Test
  void badNumber() {
    assertFallsBack(env("WEFT_METRIC_SERIES_LIMIT", "lots"), ConfigKeys.METRIC_SERIES_LIMIT, 2000,
        "WEFT_METRIC_SERIES_LIMIT=lots is not valid (accepted: an integer from 1 to 1000000); using the default 2000");
  }

  @Test
  void numberOutOfRange() {
    assertFallsBack(env("WEFT_METRIC_SERIES_LIMIT", "0"), ConfigKeys.METRIC_SERIES_LIMIT, 2000,
        "WEFT_METRIC_SERIES_LIMIT=0 is not valid (accepted: an integer from 1 to 1000000); using the default 2000");
  }

  @Test
  void portOutOfRange() {
    assertFallsBack(env("WEFT_PROMETHEUS_PORT", "65536"), ConfigKeys.PROMETHEUS_PORT, 9464,
        "WEFT_PROMETHEUS_PORT=65536 is not valid (accepted: a port from 0 to 65535; 0 = any free port);"
            + " using the default 9464");
  }

  @Test
  void negativePortFromASystemPropertyIsNamedAsTheProperty() {
    assertFallsBack(Config.load(Map.of("weft.prometheus.port", "-1"), Map.of()), ConfigKeys.PROMETHEUS_PORT, 9464,
        "-Dweft.prometheus.port=-1 is not valid (accepted: a port from 0 to 65535; 0 = any free port);"
            + " using the default 9464");
  }

  @Test
  void invalidValueUsesTheDefaultEvenWhenALowerSourceIsValid() {
    Config config = Config.load(Map.of("weft.prometheus.port", "http"), Map.of("WEFT_PROMETHEUS_PORT", "9100"));

    assertEquals(9464, config.get(ConfigKeys.PROMETHEUS_PORT));
    assertEquals(1, config.warnings().size());
  }

  @Test
  void badBoolean() {
    assertFallsBack(env("WEFT_INSTRUMENTATION_PROCESS_ENABLED", "yes"), ConfigKeys.INSTRUMENTATION_PROCESS_ENABLED, true,
        "WEFT_INSTRUMENTATION_PROCESS_ENABLED=yes is not valid (accepted: true|false); using the default true");
  }

  @Test
  void unknownExporter() {
    assertFallsBack(env("WEFT_EXPORTERS", "prometheus,zipkin"), ConfigKeys.EXPORTERS, List.of("prometheus"),
        "WEFT_EXPORTERS=prometheus,zipkin is not valid: unknown entry 'zipkin'"
            + " (accepted: a comma-separated list of prometheus, otlp; or none); using the default prometheus");
  }

  @Test
  void noneCombinedWithAnExporter() {
    assertFallsBack(env("WEFT_EXPORTERS", "none,prometheus"), ConfigKeys.EXPORTERS, List.of("prometheus"),
        "WEFT_EXPORTERS=none,prometheus is not valid: 'none' cannot be combined with other entries"
            + " (accepted: a comma-separated list of prometheus, otlp; or none); using the default prometheus");
  }

  @Test
  void invalidOtelFallbackIsNamedAsTheOtelVariable() {
    assertFallsBack(env("OTEL_METRICS_EXPORTER", "console"), ConfigKeys.EXPORTERS, List.of("prometheus"),
        "OTEL_METRICS_EXPORTER=console is not valid: unknown entry 'console'"
            + " (accepted: a comma-separated list of prometheus, otlp; or none); using the default prometheus");
  }

  @Test
  void shadowedOtelValueIsNotReported() {
    Config config = Config.load(Map.of(), Map.of("OTEL_METRICS_EXPORTER", "console", "WEFT_EXPORTERS", "none"));

    assertEquals(List.of(), config.get(ConfigKeys.EXPORTERS));
    assertEquals(List.of(), config.warnings());
  }

  @Test
  void malformedPercentEscapeInOtelResourceAttributesDiscardsTheWholeValue() {
    assertFallsBack(env("OTEL_RESOURCE_ATTRIBUTES", "team=core,owner=50%"), ConfigKeys.RESOURCE_ATTRIBUTES, Map.of(),
        "OTEL_RESOURCE_ATTRIBUTES=team=core,owner=50% is not valid: malformed percent escape in '50%'"
            + " (accepted: key=value pairs separated by commas, values percent-encoded); ignoring it");
  }

  @Test
  void badValueInTheFileIsNamedWithTheFile() throws IOException {
    Path file = yaml("prometheus:\n  port: 1.5\n");

    assertFallsBack(env("WEFT_CONFIG_FILE", file.toString()), ConfigKeys.PROMETHEUS_PORT, 9464,
        "prometheus.port in " + file + "=1.5 is not valid (accepted: a port from 0 to 65535; 0 = any free port);"
            + " using the default 9464");
  }

  @Test
  void missingFile() {
    Path missing = dir.resolve("missing.yaml");

    assertFallsBack(
        Config.load(Map.of(), Map.of("WEFT_CONFIG_FILE", missing.toString(), "WEFT_PROMETHEUS_PORT", "9100")),
        ConfigKeys.PROMETHEUS_PORT, 9100,
        "WEFT_CONFIG_FILE=" + missing + " is not valid: no such file"
            + " (accepted: a readable YAML file whose top level is a map of settings); using no file");
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
    Path file = yaml("prometheus:\n  port: 9100\n   host: [oops\n");
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
    Config config = env("WEFT_CONFIG_FILE", yaml("log.level: debug\nlog.level: warn\n").toString());

    assertEquals(WeftLog.Level.INFO, config.get(ConfigKeys.LOG_LEVEL));
    assertEquals(1, config.warnings().size());
    assertEquals(true, config.warnings().get(0).contains("malformed YAML: found duplicate key log.level"),
        config.warnings().get(0));
  }

  @Test
  void yamlThatIsAList() throws IOException {
    Path file = yaml("- prometheus.port: 9100\n");

    assertFallsBack(env("WEFT_CONFIG_FILE", file.toString()), ConfigKeys.PROMETHEUS_PORT, 9464,
        "WEFT_CONFIG_FILE=" + file + " is not valid: the file holds a list, not a map of settings"
            + " (accepted: a readable YAML file whose top level is a map of settings); using no file");
  }

  @Test
  void yamlThatIsAScalar() throws IOException {
    Path file = yaml("prometheus.port=9100\n");

    assertFallsBack(env("WEFT_CONFIG_FILE", file.toString()), ConfigKeys.PROMETHEUS_PORT, 9464,
        "WEFT_CONFIG_FILE=" + file + " is not valid: the file holds a single value, not a map of settings"
            + " (accepted: a readable YAML file whose top level is a map of settings); using no file");
  }

  @Test
  void valueWithNewlinesStaysOnOneLine() {
    assertFallsBack(env("WEFT_LOG_LEVEL", "info\n[weft] ERROR forged"), ConfigKeys.LOG_LEVEL, WeftLog.Level.INFO,
        "WEFT_LOG_LEVEL=info\\n[weft] ERROR forged is not valid (accepted: error|warn|info|debug);"
            + " using the default info");
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
    Path file = yaml("prometheus:\n  prot: 9100\nexporter: prometheus\n");
    Config config = Config.load(Map.of("weft.log.levl", "debug", "weft.config.file", file.toString()), Map.of());

    assertEquals(List.of(
        "unknown setting -Dweft.log.levl is ignored; did you mean -Dweft.log.level?",
        "unknown setting prometheus.prot in " + file + " is ignored; did you mean prometheus.port?",
        "unknown setting exporter in " + file + " is ignored; did you mean exporters?"), config.warnings());
  }
}
