package io.weft.instrumentations.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.apps.NamedFactories;
import example.apps.PoolMaker;
import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.bootstrap.snapshot.Attributes;
import io.weft.bootstrap.snapshot.DataPoint;
import io.weft.bootstrap.snapshot.HistogramPoint;
import io.weft.bootstrap.snapshot.MetricSnapshot;
import io.weft.bootstrap.snapshot.NumberPoint;
import io.weft.bootstrap.snapshot.RegistrySnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hooks driven by hand on real (unwoven) executors, into a fresh registry: what woven code
 * would record, the pool state read at collection, names, sharing and the series limit.
 */
class ExecutorHooksTest {

  private MetricRegistry registry;
  private final List<ThreadPoolExecutor> pools = new ArrayList<>();

  @BeforeEach
  void install() {
    registry = MetricRegistry.pedantic();
    ExecutorMetrics.install(registry).registerPoolState(registry);
  }

  @AfterEach
  void stopPools() {
    pools.forEach(ThreadPoolExecutor::shutdownNow);
  }

  private ThreadPoolExecutor created(ThreadPoolExecutor pool) {
    pools.add(pool);
    return pool;
  }

  private static DataPoint point(RegistrySnapshot snapshot, String metric, String name, String type) {
    for (MetricSnapshot m : snapshot.metrics()) {
      if (m.descriptor().name().equals(metric)) {
        for (DataPoint p : m.points()) {
          if (name.equals(p.attributes().get(ExecutorMetrics.NAME)) && type.equals(p.attributes().get(ExecutorMetrics.TYPE))) {
            return p;
          }
        }
      }
    }
    return null;
  }

  private static double value(RegistrySnapshot snapshot, String metric, String name) {
    DataPoint p = point(snapshot, metric, name, "thread_pool");
    assertTrue(p != null, metric + " for " + name + " in " + snapshot);
    return ((NumberPoint) p).value();
  }

  private static long count(RegistrySnapshot snapshot, String metric, String name) {
    DataPoint p = point(snapshot, metric, name, "thread_pool");
    return p == null ? 0 : ((HistogramPoint) p).count();
  }

  @Test
  void aPoolWithDefaultThreadNamesIsNamedAtConstructionByItsCreatingClass() {
    created(PoolMaker.fixed(1));
    assertEquals(1.0, value(registry.collect(), "jvm.executor.pool.max", "example.apps.PoolMaker"));
  }

  @Test
  void waitRunAndRejectionAreRecordedUnderThePoolsName() {
    ThreadPoolExecutor pool = created(PoolMaker.fixed(1));
    Runnable task = () -> {};
    ExecutorHooks.submitted(task, pool);
    long start = ExecutorHooks.taskStarting(task, pool);
    assertTrue(start != 0L);
    ExecutorHooks.taskEnded(pool, start);
    Runnable refused = () -> {};
    ExecutorHooks.submitted(refused, pool);
    ExecutorHooks.rejected(refused, pool);

    RegistrySnapshot snapshot = registry.collect();
    assertEquals(1, count(snapshot, "jvm.executor.task.duration", "example.apps.PoolMaker"));
    assertEquals(1, count(snapshot, "jvm.executor.task.wait.duration", "example.apps.PoolMaker"));
    assertEquals(1.0, value(snapshot, "jvm.executor.task.rejected", "example.apps.PoolMaker"));
    assertEquals(0, ExecutorMetrics.current().submissions.size(), "nothing left behind");
  }

  @Test
  void aCustomFactoryIsNamedByItsFirstThread() {
    ThreadPoolExecutor pool = created(PoolMaker.bounded(1, 1, new NamedFactories.Plain()));
    assertEquals(null, point(registry.collect(), "jvm.executor.pool.max", "plain", "thread_pool"),
        "no name before its first thread");
    ExecutorHooks.workerCreated(pool, new Thread(() -> {}, "plain-1"));
    assertEquals(1.0, value(registry.collect(), "jvm.executor.pool.max", "plain"));
  }

  @Test
  void poolStateMatchesTheExecutorsOwnFigures() throws InterruptedException {
    ThreadPoolExecutor pool = created(PoolMaker.bounded(3, 10, new NamedFactories.Plain()));
    ExecutorHooks.workerCreated(pool, new Thread(() -> {}, "plain-1"));
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch running = new CountDownLatch(3);
    for (int i = 0; i < 7; i++) {
      pool.execute(() -> {
        running.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }
    assertTrue(running.await(10, TimeUnit.SECONDS));
    RegistrySnapshot snapshot = registry.collect();
    assertEquals(pool.getPoolSize(), value(snapshot, "jvm.executor.pool.size", "plain"));
    assertEquals(pool.getActiveCount(), value(snapshot, "jvm.executor.pool.active", "plain"));
    assertEquals(pool.getMaximumPoolSize(), value(snapshot, "jvm.executor.pool.max", "plain"));
    assertEquals(pool.getQueue().size(), value(snapshot, "jvm.executor.queue.size", "plain"));
    assertEquals(pool.getQueue().remainingCapacity(), value(snapshot, "jvm.executor.queue.remaining", "plain"));
    assertEquals(List.of(3.0, 3.0, 4.0, 6.0), List.of(value(snapshot, "jvm.executor.pool.size", "plain"),
        value(snapshot, "jvm.executor.pool.active", "plain"), value(snapshot, "jvm.executor.queue.size", "plain"),
        value(snapshot, "jvm.executor.queue.remaining", "plain")));
    release.countDown();
  }

  @Test
  void poolsSharingANameShareSeriesAndTheirStateIsSummed() {
    for (int i = 0; i < 5; i++) {
      created(PoolMaker.fixed(2));
    }
    assertEquals(10.0, value(registry.collect(), "jvm.executor.pool.max", "example.apps.PoolMaker"));
  }

  @Test
  void pastTheSeriesLimitPoolStateGoesToTheOverflowSeries() {
    registry = new MetricRegistry(true, 2);
    ExecutorMetrics.install(registry).registerPoolState(registry);
    for (String name : List.of("a", "b", "c", "d")) {
      ThreadPoolExecutor pool = created(PoolMaker.bounded(1, 1, new NamedFactories.Plain()));
      ExecutorHooks.workerCreated(pool, new Thread(() -> {}, name + "-1"));
    }
    RegistrySnapshot snapshot = registry.collect();
    List<Attributes> max = new ArrayList<>();
    double overflow = 0;
    for (MetricSnapshot m : snapshot.metrics()) {
      if (m.descriptor().name().equals("jvm.executor.pool.max")) {
        for (DataPoint p : m.points()) {
          max.add(p.attributes());
          if (p.attributes().equals(Attributes.OVERFLOW)) {
            overflow = ((NumberPoint) p).value();
          }
        }
      }
    }
    assertEquals(3, max.size(), "two own series and the overflow series: " + max);
    assertEquals(2.0, overflow, "two pools of one thread each beyond the limit");
  }

  @Test
  void theAgentsAndTheJdksOwnPoolsAreLeftAlone() {
    assertTrue(CreatingClass.isLeftAlone("io.weft.agent.exporter.prometheus.ScrapeServer"));
    assertTrue(CreatingClass.isLeftAlone("java.lang.VirtualThread"));
    assertTrue(CreatingClass.isLeftAlone("jdk.internal.net.http.HttpClientImpl"));
    assertEquals(false, CreatingClass.isLeftAlone("io.weft.demo.DemoService"));
    assertEquals(false, CreatingClass.isLeftAlone(null));
    assertTrue(new Pool(PoolType.FORK_JOIN, null, true).leftAlone == false, "the common pool is measured");
  }
}
