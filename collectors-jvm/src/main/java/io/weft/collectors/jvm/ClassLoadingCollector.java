package io.weft.collectors.jvm;

import io.weft.bootstrap.metrics.Collector;
import io.weft.bootstrap.metrics.MetricDescriptor;
import io.weft.bootstrap.metrics.MetricKind;
import java.lang.management.ClassLoadingMXBean;
import java.util.List;

/**
 * Classes loaded, unloaded and currently loaded, read from the class-loading MXBean.
 *
 * <pre>{@code
 * registry.register(new ClassLoadingCollector(ManagementFactory.getClassLoadingMXBean()));
 * }</pre>
 */
public final class ClassLoadingCollector implements Collector {

  public static final MetricDescriptor LOADED = new MetricDescriptor("jvm.class.loaded",
      MetricKind.COUNTER, "{class}", "Number of classes loaded since JVM start.", List.of());
  public static final MetricDescriptor UNLOADED = new MetricDescriptor("jvm.class.unloaded",
      MetricKind.COUNTER, "{class}", "Number of classes unloaded since JVM start.", List.of());
  public static final MetricDescriptor COUNT = new MetricDescriptor("jvm.class.count",
      MetricKind.UP_DOWN_COUNTER, "{class}", "Number of classes currently loaded.", List.of());

  public static final List<MetricDescriptor> METRICS = List.of(LOADED, UNLOADED, COUNT);

  private final ClassLoadingMXBean classes;

  public ClassLoadingCollector(ClassLoadingMXBean classes) {
    this.classes = classes;
  }

  @Override
  public List<MetricDescriptor> describe() {
    return METRICS;
  }

  /** Cost: three counter reads, no allocation. */
  @Override
  public void collect(Output out) {
    out.point(LOADED, classes.getTotalLoadedClassCount());
    out.point(UNLOADED, classes.getUnloadedClassCount());
    out.point(COUNT, classes.getLoadedClassCount());
  }
}
