package io.weft.benchmarks.overhead;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.HashMap;
import java.util.Map;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Bytes allocated by each thread of the service, read through its loopback-only remote JMX port
 * ({@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}): exact counters kept by the JVM
 * for every thread, so a difference between two readings is the allocation in between.
 */
final class ThreadAllocation implements AutoCloseable {

  /** Allocated bytes between two readings, split by whose threads allocated them. */
  record Delta(long application, long agent, long measurement, int threadsEnded) {}

  /** One reading: thread id to (name, allocated bytes so far). */
  record Reading(Map<Long, String> names, Map<Long, Long> bytes) {}

  private final JMXConnector connector;
  private final com.sun.management.ThreadMXBean threads;

  private ThreadAllocation(JMXConnector connector, com.sun.management.ThreadMXBean threads) {
    this.connector = connector;
    this.threads = threads;
  }

  static ThreadAllocation connect(int jmxPort) throws IOException {
    JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi");
    JMXConnector connector = JMXConnectorFactory.connect(url);
    MBeanServerConnection server = connector.getMBeanServerConnection();
    com.sun.management.ThreadMXBean threads = ManagementFactory.newPlatformMXBeanProxy(
        server, ManagementFactory.THREAD_MXBEAN_NAME, com.sun.management.ThreadMXBean.class);
    return new ThreadAllocation(connector, threads);
  }

  Reading read() {
    long[] ids = threads.getAllThreadIds();
    long[] bytes = threads.getThreadAllocatedBytes(ids);
    ThreadInfo[] infos = threads.getThreadInfo(ids);
    Map<Long, String> names = new HashMap<>();
    Map<Long, Long> allocated = new HashMap<>();
    for (int i = 0; i < ids.length; i++) {
      if (infos[i] != null && bytes[i] >= 0) {
        names.put(ids[i], infos[i].getThreadName());
        allocated.put(ids[i], bytes[i]);
      }
    }
    return new Reading(names, allocated);
  }

  /**
   * What each thread allocated between the readings. A thread that started in between counts from
   * zero; one that ended in between is lost to the counters and only counted in {@code threadsEnded}.
   */
  static Delta between(Reading before, Reading after, Configuration c) {
    long application = 0;
    long agent = 0;
    long measurement = 0;
    for (Map.Entry<Long, Long> e : after.bytes().entrySet()) {
      long delta = e.getValue() - before.bytes().getOrDefault(e.getKey(), 0L);
      String name = after.names().get(e.getKey());
      if (isMeasurementThread(name)) {
        measurement += delta;
      } else if (c.isAgentThread(name)) {
        agent += delta;
      } else {
        application += delta;
      }
    }
    int ended = (int) before.bytes().keySet().stream().filter(id -> !after.bytes().containsKey(id)).count();
    return new Delta(application, agent, measurement, ended);
  }

  /** The JVM's own threads serving this measurement: remote JMX (RMI), {@code jcmd} (attach) and JFR. */
  static boolean isMeasurementThread(String name) {
    return name.startsWith("RMI ") || name.startsWith("JMX ") || name.equals("GC Daemon")
        || name.equals("Attach Listener") || name.startsWith("JFR ");
  }

  @Override
  public void close() throws IOException {
    connector.close();
  }
}
