package io.weft.instrumentations.hikaricp;

import io.weft.bootstrap.log.WeftLog;
import io.weft.instrumentations.weakstate.WeakIdentityMap;

/**
 * What code woven into HikariCP's {@code HikariPool} and {@code PoolBase} calls. A pool is tracked
 * from the end of its constructor; one created before the agent is tracked when first seen here.
 * None of these methods ever throws.
 */
public final class HikariPoolHooks {

  private static final String TIMEOUT = "java.sql.SQLTransientConnectionException";
  /**
   * When each pool entry (one per physical connection) was last lent, as {@code [nanoTime]}, or 0
   * while it is in the pool. One small array per entry, made on its first loan and then reused;
   * HikariCP's own {@code lastBorrowed} is only kept when a metrics tracker is configured.
   */
  private static final WeakIdentityMap<long[]> LENT_AT = new WeakIdentityMap<>();

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

  /**
   * On entry to {@code PoolEntry.createProxyConnection}: the entry's connection is being lent. Cost:
   * one identity-map look-up and a clock read; allocates only on an entry's first loan. The entry
   * is then the borrowing thread's until it comes back, so a plain write suffices.
   */
  public static void lent(Object poolEntry) {
    try {
      long[] lentAt = LENT_AT.get(poolEntry);
      if (lentAt == null) {
        lentAt = new long[1];
        LENT_AT.put(poolEntry, lentAt);
      }
      lentAt[0] = System.nanoTime();
    } catch (Throwable t) {
      failed(t);
    }
  }

  /** On entry to {@code HikariPool.recycle(PoolEntry)}: a connection came back; records its use. */
  public static void returned(Object pool, Object poolEntry) {
    try {
      long[] lentAt = poolEntry == null ? null : LENT_AT.get(poolEntry);
      if (lentAt == null || lentAt[0] == 0) {
        return; // lent before the agent was attached, or returned twice
      }
      long used = System.nanoTime() - lentAt[0];
      lentAt[0] = 0;
      TrackedPool p = tracked(pool);
      if (p != null) {
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
