package io.weft.agent.resource;

import io.weft.agent.config.Config;
import io.weft.agent.config.ConfigKeys;
import io.weft.bootstrap.log.WeftLog;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the {@link Resource} from what the process reports and what the configuration says.
 *
 * <p>Rules, later ones winning: detected attributes ({@code service.name} derived from the main class
 * or jar, {@code service.instance.id}, {@code host.name}, {@code process.*}); then the configured
 * resource attributes ({@code WEFT_RESOURCE_ATTRIBUTES} merged over {@code OTEL_RESOURCE_ATTRIBUTES});
 * then the configured service name ({@code WEFT_SERVICE_NAME}, else {@code OTEL_SERVICE_NAME}), as in
 * OpenTelemetry; and last {@code telemetry.sdk.*}, which always describe Weft and cannot be
 * overridden (an attempt is logged once).
 */
public final class ResourceDetector {
  static final String SDK_PREFIX = "telemetry.sdk.";

  private ResourceDetector() {}

  /** The resource for the given configuration and process. */
  public static Resource detect(Config config, ProcessFacts facts) {
    return detect(config, facts, Map.of());
  }

  /**
   * As {@link #detect(Config, ProcessFacts)}, with more detected attributes (such as the JVM's
   * identity from the JVM collectors) that sit beside the process ones and yield to configured ones.
   */
  public static Resource detect(Config config, ProcessFacts facts, Map<String, String> detected) {
    return detect(config.get(ConfigKeys.SERVICE_NAME), config.get(ConfigKeys.RESOURCE_ATTRIBUTES), facts, detected);
  }

  /**
   * @param serviceName the configured service name, or null to keep the one from the attributes or
   *     the derived one
   * @param configured the configured resource attributes (may be empty)
   */
  public static Resource detect(String serviceName, Map<String, String> configured, ProcessFacts facts) {
    return detect(serviceName, configured, facts, Map.of());
  }

  /** As {@link #detect(String, Map, ProcessFacts)}, with more detected attributes. */
  public static Resource detect(String serviceName, Map<String, String> configured, ProcessFacts facts,
      Map<String, String> detected) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("service.name", ServiceName.fromJavaCommand(facts.javaCommand()));
    attributes.put("service.instance.id", facts.instanceId());
    putIfKnown(attributes, "host.name", facts.hostName());
    attributes.put("process.pid", Long.toString(facts.pid()));
    putIfKnown(attributes, "process.runtime.name", facts.runtimeName());
    putIfKnown(attributes, "process.runtime.version", facts.runtimeVersion());
    detected.forEach((key, value) -> putIfKnown(attributes, key, value));

    for (Map.Entry<String, String> entry : configured.entrySet()) {
      if (entry.getKey().startsWith(SDK_PREFIX)) {
        WeftLog.warn("resource attribute " + entry.getKey() + " describes the agent and cannot be set; ignoring it");
      } else {
        attributes.put(entry.getKey(), entry.getValue());
      }
    }
    if (serviceName != null) {
      attributes.put("service.name", serviceName);
    }

    attributes.put("telemetry.sdk.name", "weft");
    attributes.put("telemetry.sdk.language", "java");
    attributes.put("telemetry.sdk.version", facts.sdkVersion() == null ? "unknown" : facts.sdkVersion());
    return new Resource(attributes);
  }

  private static void putIfKnown(Map<String, String> attributes, String key, String value) {
    if (value != null && !value.isEmpty()) {
      attributes.put(key, value);
    }
  }
}
