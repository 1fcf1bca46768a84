package io.weft.collectors.jvm;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What JVM this is, as resource attributes (exported once in {@code target_info} and the OTLP
 * resource, not as a metric per scrape).
 *
 * <pre>{@code
 * Map<String, String> jvm = JvmIdentity.resourceAttributes();
 * // process.runtime.name=OpenJDK Runtime Environment
 * // process.runtime.version=17.0.15+6-Debian-1deb12u1
 * // process.runtime.description=Debian OpenJDK 64-Bit Server VM 17.0.15+6-Debian-1deb12u1
 * // jvm.gc.names=G1 Young Generation,G1 Old Generation
 * }</pre>
 *
 * <p>The three {@code process.runtime.*} keys are the semantic conventions' and hold what the
 * OpenTelemetry Java agent puts there (the description is vendor, VM name and VM version).
 * {@code jvm.gc.names} is Weft's: the JVM's garbage-collector MXBean names, comma-separated, in the
 * JVM's order, which tell which collector is in use ({@code PS Scavenge,PS MarkSweep} for Parallel,
 * {@code ZGC Cycles,ZGC Pauses} for ZGC, ...). A key whose value the JVM does not report is left out.
 */
public final class JvmIdentity {

  public static final String RUNTIME_NAME = "process.runtime.name";
  public static final String RUNTIME_VERSION = "process.runtime.version";
  public static final String RUNTIME_DESCRIPTION = "process.runtime.description";
  public static final String GC_NAMES = "jvm.gc.names";

  private JvmIdentity() {}

  /** The attributes, in the order above. Never throws. */
  public static Map<String, String> resourceAttributes() {
    Map<String, String> attributes = new LinkedHashMap<>();
    putIfPresent(attributes, RUNTIME_NAME, property("java.runtime.name"));
    putIfPresent(attributes, RUNTIME_VERSION, property("java.runtime.version"));
    String vendor = property("java.vm.vendor");
    String vmName = property("java.vm.name");
    String vmVersion = property("java.vm.version");
    if (vendor != null && vmName != null && vmVersion != null) {
      attributes.put(RUNTIME_DESCRIPTION, vendor + " " + vmName + " " + vmVersion);
    }
    putIfPresent(attributes, GC_NAMES, gcNames());
    return attributes;
  }

  private static String gcNames() {
    try {
      List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
      StringBuilder names = new StringBuilder();
      for (GarbageCollectorMXBean collector : collectors) {
        if (names.length() > 0) {
          names.append(',');
        }
        names.append(collector.getName());
      }
      return names.length() == 0 ? null : names.toString();
    } catch (RuntimeException | LinkageError e) {
      return null;
    }
  }

  private static String property(String key) {
    try {
      String value = System.getProperty(key);
      return value == null || value.isEmpty() ? null : value;
    } catch (SecurityException e) {
      return null;
    }
  }

  private static void putIfPresent(Map<String, String> attributes, String key, String value) {
    if (value != null) {
      attributes.put(key, value);
    }
  }
}
