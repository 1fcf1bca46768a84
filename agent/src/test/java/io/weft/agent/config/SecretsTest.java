package io.weft.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsTest {
  private static final ConfigKey<String> HEADERS =
      ConfigKey.of("exporter.otlp.headers", TextType.INSTANCE, null, "Headers for the OTLP exporter.");
  private static final ConfigKey<Integer> LIMIT =
      ConfigKey.of("auth.token.length", new IntRangeType(1, 64), 32, "A secret-looking numeric setting.");

  @Test
  void namesHoldingSecretWordsAreSecret() {
    for (String name : List.of("prometheus.auth.password", "WEFT_PROMETHEUS_AUTH_TOKEN", "client.secret",
        "tls.key", "OTEL_EXPORTER_OTLP_HEADERS")) {
      assertEquals(true, Secrets.isSecret(name), name);
    }
    assertEquals(false, Secrets.isSecret("prometheus.port"));
  }

  @Test
  void effectiveConfigurationMasksSecretValues() {
    Config config = Config.load(Map.of(), Map.of("WEFT_EXPORTER_OTLP_HEADERS", "authorization=Bearer abc123"),
        List.of(HEADERS, ConfigKeys.PROMETHEUS_PORT));

    assertEquals("authorization=Bearer abc123", config.get(HEADERS));
    assertEquals(List.of("WEFT_EXPORTER_OTLP_HEADERS=**** (WEFT_EXPORTER_OTLP_HEADERS)",
        "WEFT_PROMETHEUS_PORT=9464 (default)"), config.effectiveLines());
  }

  @Test
  void invalidValueLineMasksSecretValues() {
    Config config = Config.load(Map.of("weft.auth.token.length", "hunter2"), Map.of(), List.of(LIMIT));

    assertEquals(List.of("-Dweft.auth.token.length=**** is not valid (accepted: an integer from 1 to 64);"
        + " using the default 32"), config.warnings());
  }

  @Test
  void unknownSettingLinesNeverShowValues() {
    Config config = Config.load(Map.of(), Map.of("WEFT_API_TOKEN", "s3cr3t"), List.of(LIMIT));

    assertEquals(List.of("unknown setting WEFT_API_TOKEN is ignored"), config.warnings());
  }
}
