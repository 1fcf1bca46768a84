package io.weft.bootstrap.metrics;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;

/**
 * Run on a JVM with virtual threads (see {@link VirtualThreadBindTest}): prints the bytes allocated
 * per task by one bind of a known series in a new virtual thread, beyond what the same task without
 * the bind allocates.
 */
public final class VirtualThreadBindProbe {

  public static void main(String[] args) throws Exception {
    MetricRegistry registry = new MetricRegistry();
    Histogram duration = registry.histogram("http.server.request.duration")
        .attributes(AttributeKey.string("http.request.method"), AttributeKey.longKey("http.response.status_code"))
        .register();
    Runnable bind = () -> duration.bind(duration.values().set(0, "GET").set(1, 200)).record(0.001);
    Runnable nothing = () -> { };
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Method total = com.sun.management.ThreadMXBean.class.getMethod("getTotalThreadAllocatedBytes");
    Method ofVirtual = Thread.class.getMethod("startVirtualThread", Runnable.class);
    int tasks = 20_000;
    long withBind = Long.MAX_VALUE;
    long without = Long.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      without = Math.min(without, allocatedBy(tasks, nothing, threads, total, ofVirtual));
      withBind = Math.min(withBind, allocatedBy(tasks, bind, threads, total, ofVirtual));
    }
    System.out.println("bytes per task " + (withBind - without) / tasks);
  }

  private static long allocatedBy(int tasks, Runnable task, Object threads, Method total, Method ofVirtual)
      throws Exception {
    long before = (long) total.invoke(threads);
    for (int i = 0; i < tasks; i++) {
      ((Thread) ofVirtual.invoke(null, task)).join();
    }
    return (long) total.invoke(threads) - before;
  }
}
