package io.weft.collectors.jvm.platform;

import java.lang.management.OperatingSystemMXBean;

/**
 * The JDK's {@code com.sun.management} extensions (process CPU time and load, file descriptors, GC
 * notifications), or {@code null}/{@code false} on a JVM that lacks the {@code jdk.management}
 * module.
 *
 * <pre>{@code
 * com.sun.management.OperatingSystemMXBean os =
 *     JdkManagement.extendedOs(ManagementFactory.getOperatingSystemMXBean());
 * if (os != null) { ... os.getProcessCpuTime() ... }
 * }</pre>
 *
 * <p>Each class is looked up by name before it is touched, so a caller that checks for null never
 * meets a {@link NoClassDefFoundError}.
 */
public final class JdkManagement {
  private JdkManagement() {}

  /** The extended operating-system bean, or null. */
  public static com.sun.management.OperatingSystemMXBean extendedOs(OperatingSystemMXBean os) {
    if (!present("com.sun.management.OperatingSystemMXBean")) {
      return null;
    }
    return os instanceof com.sun.management.OperatingSystemMXBean extended ? extended : null;
  }

  /** The Unix operating-system bean (file descriptors), or null off Unix or without the module. */
  public static com.sun.management.UnixOperatingSystemMXBean unixOs(OperatingSystemMXBean os) {
    if (!present("com.sun.management.UnixOperatingSystemMXBean")) {
      return null;
    }
    return os instanceof com.sun.management.UnixOperatingSystemMXBean unix ? unix : null;
  }

  /** True if garbage collectors can report each collection through JMX notifications. */
  public static boolean hasGcNotifications() {
    return present("com.sun.management.GarbageCollectionNotificationInfo");
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, ClassLoader.getPlatformClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
