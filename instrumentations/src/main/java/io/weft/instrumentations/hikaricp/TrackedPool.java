package io.weft.instrumentations.hikaricp;

import io.weft.bootstrap.metrics.Collector;
import io.weft.bootstrap.metrics.Histogram;
import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * One HikariCP pool, held weakly: its name, its histogram series (bound once) and its timeout
 * count. Its state is read through the pool's own {@code HikariPoolMXBean} methods and its
 * configuration's {@code HikariConfigMXBean} methods only when something collects.
 */
final class TrackedPool {

  private final WeakReference<Object> pool;
  private final WeakReference<Object> config;
  final String name;
  final Histogram.Handle waitTime;
  final Histogram.Handle useTime;
  final Histogram.Handle createTime;
  final LongAdder timeouts = new LongAdder();
  private volatile boolean closed;

  TrackedPool(Object pool, Object config, String name, ConnectionPoolMetrics metrics) {
    this.pool = new WeakReference<>(pool);
    this.config = new WeakReference<>(config);
    this.name = name;
    this.waitTime = metrics.waitTime.bind(name);
    this.useTime = metrics.useTime.bind(name);
    this.createTime = metrics.createTime.bind(name);
  }

  boolean is(Object candidate) {
    return pool.get() == candidate;
  }

  /** Whether the pool is gone: shut down, or collected without being shut down. */
  boolean ended() {
    return closed || pool.get() == null;
  }

  /** Whether the pool object was garbage collected. */
  boolean collected() {
    return pool.get() == null;
  }

  boolean isClosed() {
    return closed;
  }

  void close() {
    closed = true;
  }

  /** Emits the pool's state; nothing if it ended meanwhile. */
  void collect(Collector.Output out) {
    Object p = pool.get();
    Object c = config.get();
    if (closed || p == null || c == null) {
      return;
    }
    HikariCalls.PoolState state = HikariCalls.state(p, c);
    out.point(ConnectionPoolMetrics.COUNT, state.idle(), name, "idle");
    out.point(ConnectionPoolMetrics.COUNT, state.active(), name, "used");
    out.point(ConnectionPoolMetrics.IDLE_MIN, state.minimumIdle(), name);
    out.point(ConnectionPoolMetrics.MAX, state.maximumPoolSize(), name);
    out.point(ConnectionPoolMetrics.PENDING_REQUESTS, state.pending(), name);
    out.point(ConnectionPoolMetrics.TIMEOUTS, timeouts.sum(), name);
  }
}
