package io.weft.agent.resource;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The attributes that describe this process (service.name, host.name, process.pid, ...): exported
 * once per scrape as {@code target_info} and as the OTLP resource. Immutable, in insertion order.
 */
public record Resource(Map<String, String> attributes) {
  public Resource {
    attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  public String get(String key) {
    return attributes.get(key);
  }
}
