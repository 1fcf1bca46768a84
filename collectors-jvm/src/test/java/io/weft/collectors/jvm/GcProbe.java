package io.weft.collectors.jvm;

import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.bootstrap.snapshot.HistogramPoint;
import io.weft.bootstrap.snapshot.RegistrySnapshot;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Run in a forked JVM by {@link GcCollectorsForkTest}: registers the collectors, calls
 * {@code System.gc()} and prints what {@code jvm.gc.duration} then holds, one line per series,
 * after a line naming the JVM's collector beans. (A test program may print; agent code never does.)
 *
 * <pre>
 * beans|G1 Young Generation|G1 Old Generation
 * bean|G1 Old Generation|1|12                 (collections and milliseconds the bean counted meanwhile)
 * point|G1 Old Generation|end of major GC|System.gc()|1|0.012|[0.01, 0.1, 1.0, 10.0]
 * </pre>
 */
public final class GcProbe {

  public static void main(String[] args) throws InterruptedException {
    MetricRegistry registry = MetricRegistry.pedantic();
    JvmCollectors.register(registry, true, false, false);
    List<GarbageCollectorMXBean> beans = ManagementFactory.getGarbageCollectorMXBeans();
    StringBuilder names = new StringBuilder("beans");
    long collectionsBefore = 0;
    long[] countBefore = new long[beans.size()];
    long[] timeBefore = new long[beans.size()];
    for (int i = 0; i < beans.size(); i++) {
      GarbageCollectorMXBean bean = beans.get(i);
      names.append('|').append(bean.getName());
      countBefore[i] = bean.getCollectionCount();
      timeBefore[i] = bean.getCollectionTime();
      collectionsBefore += countBefore[i];
    }
    System.gc();
    // Notifications arrive on the JDK's notification thread shortly after the collection; wait
    // until every collection the beans counted since System.gc() has been recorded.
    long deadline = System.nanoTime() + 20_000_000_000L;
    RegistrySnapshot snapshot;
    while (true) {
      snapshot = registry.collect();
      long collections = -collectionsBefore;
      for (GarbageCollectorMXBean bean : beans) {
        collections += bean.getCollectionCount();
      }
      long recorded = 0;
      boolean sawSystemGc = false;
      for (HistogramPoint p : Points.histograms(snapshot, "jvm.gc.duration")) {
        recorded += p.count();
        sawSystemGc |= "System.gc()".equals(p.attributes().get("jvm.gc.cause"));
      }
      if (sawSystemGc && recorded >= collections) {
        break;
      }
      if (System.nanoTime() > deadline) {
        System.out.println("timeout|collections=" + collections + "|recorded=" + recorded);
        break;
      }
      Thread.sleep(10);
    }
    System.out.println(names);
    for (int i = 0; i < beans.size(); i++) {
      GarbageCollectorMXBean bean = beans.get(i);
      System.out.println("bean|" + bean.getName() + "|" + (bean.getCollectionCount() - countBefore[i])
          + "|" + (bean.getCollectionTime() - timeBefore[i]));
    }
    for (HistogramPoint p : Points.histograms(snapshot, "jvm.gc.duration")) {
      System.out.println("point|" + p.attributes().get("jvm.gc.name") + "|" + p.attributes().get("jvm.gc.action")
          + "|" + p.attributes().get("jvm.gc.cause") + "|" + p.count() + "|" + p.sum()
          + "|" + java.util.Arrays.toString(p.bounds()));
    }
  }
}
