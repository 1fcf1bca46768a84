package io.weft.collectors.jvm.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.bootstrap.snapshot.RegistrySnapshot;
import io.weft.collectors.jvm.Points;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class ContextSwitchCollectorTest {

  @TempDir Path procSelf;

  private void thread(String tid, long voluntary, long involuntary) throws IOException {
    Path dir = Files.createDirectories(procSelf.resolve("task").resolve(tid));
    Files.writeString(dir.resolve("status"), "Name:\tjava\nThreads:\t2\nvoluntary_ctxt_switches:\t" + voluntary
        + "\nnonvoluntary_ctxt_switches:\t" + involuntary + "\n");
  }

  private static double voluntary(RegistrySnapshot s) {
    return Points.value(s, "process.context_switches", "process.context_switch.type", "voluntary");
  }

  private static double involuntary(RegistrySnapshot s) {
    return Points.value(s, "process.context_switches", "process.context_switch.type", "involuntary");
  }

  @Test
  void countsAreSummedOverAllThreadsAndStayMonotonicAsThreadsExitOrIdsAreReused() throws IOException {
    thread("100", 10, 2);
    thread("101", 5, 1);
    MetricRegistry registry = MetricRegistry.pedantic();
    registry.register(new ContextSwitchCollector(procSelf));

    RegistrySnapshot s = registry.collect();
    assertEquals(15, voluntary(s));
    assertEquals(3, involuntary(s));

    Files.delete(procSelf.resolve("task/101/status"));
    Files.delete(procSelf.resolve("task/101"));
    s = registry.collect();
    assertEquals(15, voluntary(s), "thread 101's switches are kept after it exits");
    assertEquals(3, involuntary(s));

    thread("100", 20, 4);
    s = registry.collect();
    assertEquals(25, voluntary(s));
    assertEquals(5, involuntary(s));

    thread("100", 3, 0); // a new thread with a reused id
    s = registry.collect();
    assertEquals(28, voluntary(s));
    assertEquals(5, involuntary(s));
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void aThreadThatSleepsTwoHundredTimesAddsAtLeastTwoHundredVoluntarySwitches() throws InterruptedException {
    ContextSwitchCollector collector = new ContextSwitchCollector(Path.of("/proc/self"));
    assertTrue(collector.isAvailable());
    MetricRegistry registry = MetricRegistry.pedantic();
    registry.register(collector);
    double independentBefore = voluntaryOfAllThreads();
    double before = voluntary(registry.collect());
    assertTrue(before >= independentBefore, before + " collected vs " + independentBefore + " read before");
    // The sleeper stays alive (waiting) when collected: an exited thread's switches leave /proc.
    Object lock = new Object();
    Thread alive = new Thread(() -> {
      try {
        for (int i = 0; i < 200; i++) {
          Thread.sleep(1);
        }
        synchronized (lock) {
          lock.wait();
        }
      } catch (InterruptedException e) {
        // stopped by the test
      }
    });
    alive.start();
    while (alive.getState() != Thread.State.WAITING) {
      Thread.sleep(1);
    }
    double after = voluntary(registry.collect());
    alive.interrupt();
    alive.join();
    assertTrue(after - before >= 200, "voluntary switches rose by " + (after - before));
  }

  private static long voluntaryOfAllThreads() {
    long sum = 0;
    for (String tid : new File("/proc/self/task").list()) {
      try {
        for (String line : Files.readAllLines(Path.of("/proc/self/task", tid, "status"))) {
          if (line.startsWith("voluntary_ctxt_switches:")) {
            sum += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
          }
        }
      } catch (IOException e) {
        // the thread exited meanwhile
      }
    }
    return sum;
  }
}
