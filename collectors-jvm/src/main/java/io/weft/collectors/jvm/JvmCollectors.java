package io.weft.collectors.jvm;

import io.weft.bootstrap.metrics.MetricRegistry;

/** Registers the JVM, process and container collectors. Placeholder until they land. */
public final class JvmCollectors {
  private JvmCollectors() {}

  /**
   * Registers every enabled area into the registry. Never throws: an area whose sources are
   * missing is skipped.
   */
  public static void register(MetricRegistry registry, boolean jvm, boolean process, boolean container) {}
}
