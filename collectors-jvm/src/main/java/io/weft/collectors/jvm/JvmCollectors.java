package io.weft.collectors.jvm;

import io.weft.bootstrap.log.WeftLog;
import io.weft.bootstrap.metrics.MetricDescriptor;
import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.collectors.jvm.container.ContainerCollector;
import io.weft.collectors.jvm.process.ContextSwitchCollector;
import io.weft.collectors.jvm.process.ProcessCollector;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Registers the JVM, process and container collectors into a registry: the one call the agent
 * makes at start-up.
 *
 * <pre>{@code
 * JvmCollectors.register(registry, true, true, true);
 * }</pre>
 *
 * <p>Every area is read only when something collects (callback collectors), except GC durations,
 * which the JVM pushes after each collection. An area whose sources are missing (another vendor's
 * JVM, not Linux, no cgroup limit) is skipped or reports only what it finds; an area that fails to
 * start is logged once and skipped. Registering an area into the same registry again does nothing.
 * Nothing here throws.
 */
public final class JvmCollectors {

  /** Which areas to register; {@code contextSwitches} is opt-in (see {@link ContextSwitchCollector}). */
  public record Settings(boolean jvm, boolean process, boolean container, boolean contextSwitches) {}

  /** Every metric the collectors can emit, area by area, for documentation and its tests. */
  public static final List<MetricDescriptor> METRICS = catalog();

  /** Areas already registered, per registry (weak keys: a dropped registry is forgotten). */
  private static final Map<MetricRegistry, Set<String>> REGISTERED = new WeakHashMap<>();

  private JvmCollectors() {}

  /**
   * Registers every enabled area into the registry. Never throws: an area whose sources are
   * missing is skipped.
   */
  public static void register(MetricRegistry registry, boolean jvm, boolean process, boolean container) {
    register(registry, new Settings(jvm, process, container, false));
  }

  /** As {@link #register(MetricRegistry, boolean, boolean, boolean)}, with the opt-in metrics. */
  public static void register(MetricRegistry registry, Settings settings) {
    Set<String> done;
    synchronized (REGISTERED) {
      done = REGISTERED.computeIfAbsent(registry, r -> new HashSet<>());
    }
    synchronized (done) {
      registerAreas(registry, settings, done);
    }
  }

  private static void registerAreas(MetricRegistry registry, Settings settings, Set<String> done) {
    if (settings.jvm()) {
      area(done, "jvm.memory", () -> registry.register(new MemoryPoolCollector(ManagementFactory.getMemoryPoolMXBeans())));
      area(done, "jvm.buffer", () -> registry.register(
          new BufferPoolCollector(ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class))));
      area(done, "jvm.gc", () -> {
        if (GcDurationRecorder.install(registry, ManagementFactory.getGarbageCollectorMXBeans()) == null) {
          WeftLog.debug("this JVM sends no GC notifications; jvm.gc.duration is off");
        }
      });
      area(done, "jvm.thread", () -> registry.register(new ThreadCollector()));
      area(done, "jvm.class", () -> registry.register(new ClassLoadingCollector(ManagementFactory.getClassLoadingMXBean())));
      area(done, "jvm.cpu", () -> registry.register(new CpuCollector(ManagementFactory.getOperatingSystemMXBean())));
    }
    if (settings.process()) {
      area(done, "process", () -> registry.register(ProcessCollector.forThisProcess()));
      if (settings.contextSwitches()) {
        area(done, "process.context_switches", () -> {
          ContextSwitchCollector switches = new ContextSwitchCollector(Path.of("/proc/self"));
          if (switches.isAvailable()) {
            registry.register(switches);
          } else {
            WeftLog.debug("no /proc/self/task; process.context_switches is off");
          }
        });
      }
    }
    if (settings.container()) {
      area(done, "container", () -> {
        ContainerCollector container = ContainerCollector.locate(Path.of("/"));
        if (container != null) {
          registry.register(container);
        } else {
          WeftLog.debug("no cgroup CPU or memory controller found; container metrics are off");
        }
      });
    }
  }

  /**
   * Runs one area's registration unless it already ran for this registry, so that registering
   * twice changes nothing; a failure costs that area only, with one line on stderr.
   */
  private static void area(Set<String> done, String name, Runnable registration) {
    if (!done.add(name)) {
      return;
    }
    try {
      registration.run();
    } catch (Throwable t) {
      WeftLog.warn("the " + name + " metrics are off: " + t);
    }
  }

  private static List<MetricDescriptor> catalog() {
    List<MetricDescriptor> all = new ArrayList<>();
    all.addAll(MemoryPoolCollector.METRICS);
    all.addAll(BufferPoolCollector.METRICS);
    all.addAll(GcDurationRecorder.METRICS);
    all.addAll(ThreadCollector.METRICS);
    all.addAll(ClassLoadingCollector.METRICS);
    all.addAll(CpuCollector.METRICS);
    all.addAll(ProcessCollector.METRICS);
    all.addAll(ContextSwitchCollector.METRICS);
    all.addAll(ContainerCollector.METRICS);
    return List.copyOf(all);
  }
}
