package io.weft.instrumentations.hikaricp;

import io.weft.bootstrap.log.WeftLog;

/**
 * What code woven into HikariCP's {@code HikariPool} and {@code PoolBase} calls. A pool is tracked
 * from the end of its constructor; one created before the agent is tracked when first seen here.
 * None of these methods ever throws.
 */
public final class HikariPoolHooks {

  private static final String TIMEOUT = "java.sql.SQLTransientConnectionException";
  /** A use longer than a day means the borrow time is not a {@code nanoTime} reading: not recorded. */
  private static final long MAX_PLAUSIBLE_NANOS = 86_400_000_000_000L;

  private HikariPoolHooks() {}

  /** At the end of {@code HikariPool(HikariConfig)}. */
  public static void poolStarted(Object pool, Object config) {
    try {
      ConnectionPoolMetrics metrics = ConnectionPoolMetrics.current();
      if (metrics != null) {
        metrics.pools.track(pool, config);
      }
    } catch (Throwable t) {
      failed(t);
    }
  }

  /** On entry to {@code HikariPool.shutdown()}: the pool leaves the output. */
  public static void poolClosing(Object pool) {
    try {
      ConnectionPoolMetrics metrics = ConnectionPoolMetrics.current();
      if (metrics != null) {
        metrics.pools.closed(pool);
      }
    } catch (Throwable t) {
      failed(t);
    }
  }

  /** On entry to {@code HikariPool.getConnection(long)} and {@code PoolBase.newConnection()}. */
  public static long started() {
    return System.nanoTime();
  }

  /**
   * On every exit from {@code HikariPool.getConnection(long)}: a connection handed out records its
   * wait; a timeout ({@code SQLTransientConnectionException}, which HikariCP throws for nothing else)
   * is counted.
   */
  public static void acquired(Throwable thrown, Object pool, long startNanos) {
    try {
      TrackedPool p = tracked(pool);
      if (p == null) {
        return;
      }
      if (thrown == null) {
        p.waitTime.recordSince(startNanos);
      } else if (thrown.getClass().getName().equals(TIMEOUT)) {
        p.timeouts.increment();
      }
    } catch (Throwable t) {
      failed(t);
    }
  }

  /** On entry to {@code HikariPool.recycle(PoolEntry)}: a connection came back; records its use. */
  public static void returned(Object pool, Object poolEntry) {
    try {
      TrackedPool p = tracked(pool);
      if (p == null || poolEntry == null) {
        return;
      }
      long borrowed = HikariCalls.lastBorrowed(poolEntry);
      long used = System.nanoTime() - borrowed;
      if (borrowed != Long.MIN_VALUE && used >= 0 && used < MAX_PLAUSIBLE_NANOS) {
        p.useTime.record(used * 1e-9);
      }
    } catch (Throwable t) {
      failed(t);
    }
  }

  /** On every exit from {@code PoolBase.newConnection()}: records the time a new connection took. */
  public static void created(Throwable thrown, Object pool, long startNanos) {
    try {
      TrackedPool p = thrown == null ? tracked(pool) : null;
      if (p != null) {
        p.createTime.recordSince(startNanos);
      }
    } catch (Throwable t) {
      failed(t);
    }
  }

  /** The pool's record, tracking a pool first seen here; null when metrics are off or the pool closed. */
  private static TrackedPool tracked(Object pool) {
    ConnectionPoolMetrics metrics = ConnectionPoolMetrics.current();
    if (metrics == null || pool == null) {
      return null;
    }
    TrackedPool p = metrics.pools.find(pool);
    if (p == null) {
      p = metrics.pools.track(pool, null);
    }
    return p.ended() ? null : p;
  }

  private static void failed(Throwable t) {
    WeftLog.warnLimited("hikaricp", "recording HikariCP pool metrics failed; the pool is unaffected: " + t);
  }
}
