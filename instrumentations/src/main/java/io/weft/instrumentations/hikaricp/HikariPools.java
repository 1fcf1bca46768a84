package io.weft.instrumentations.hikaricp;

import java.util.ArrayList;
import java.util.List;

/**
 * The HikariCP pools of this JVM, as a copy-on-write array: the hooks find a pool by identity with a
 * scan of a few entries (applications have one to three pools); collections read the array. A pool
 * is added when constructed (or, for a pool created before the agent, when first seen); when it shuts
 * down it stays listed, marked closed so that it is neither reported nor added again, until it is
 * garbage collected.
 */
final class HikariPools {

  private final ConnectionPoolMetrics metrics;
  private volatile TrackedPool[] pools = new TrackedPool[0];

  HikariPools(ConnectionPoolMetrics metrics) {
    this.metrics = metrics;
  }

  /** The tracked pool (closed or not), or null. Cost: a scan of the pools; allocates nothing. */
  TrackedPool find(Object pool) {
    for (TrackedPool p : pools) {
      if (p.is(pool)) {
        return p;
      }
    }
    return null;
  }

  /** The tracked pool, tracking it now (reading its configuration if not given) if it is new. */
  synchronized TrackedPool track(Object pool, Object config) {
    TrackedPool known = find(pool);
    if (known != null) {
      return known;
    }
    Object c = config != null ? config : HikariCalls.configOf(pool);
    TrackedPool added = new TrackedPool(pool, c, HikariCalls.poolName(c), metrics);
    List<TrackedPool> next = withoutCollected();
    next.add(added);
    pools = next.toArray(new TrackedPool[0]);
    return added;
  }

  /** Stops reporting the pool: its state is no longer read and its histogram series are unbound. */
  synchronized void closed(Object pool) {
    TrackedPool p = find(pool);
    if (p != null && !p.ended()) {
      p.close();
      unbindUnlessNameLives(p);
    }
  }

  /** The pools to report now; pools collected without shutting down are dropped on the way. */
  List<TrackedPool> live() {
    List<TrackedPool> live = new ArrayList<>();
    boolean collected = false;
    for (TrackedPool p : pools) {
      if (!p.ended()) {
        live.add(p);
      } else if (p.collected()) {
        collected = true;
      }
    }
    if (collected) {
      synchronized (this) {
        pools = withoutCollected().toArray(new TrackedPool[0]);
      }
    }
    return live;
  }

  private List<TrackedPool> withoutCollected() {
    List<TrackedPool> kept = new ArrayList<>();
    for (TrackedPool p : pools) {
      if (p.collected()) {
        if (!p.isClosed()) {
          unbindUnlessNameLives(p); // closed pools were unbound when they closed
        }
      } else {
        kept.add(p);
      }
    }
    return kept;
  }

  private void unbindUnlessNameLives(TrackedPool ended) {
    for (TrackedPool other : pools) {
      if (other != ended && !other.ended() && other.name.equals(ended.name)) {
        return; // a live pool of the same name owns those series now
      }
    }
    metrics.waitTime.unbind(ended.name);
    metrics.useTime.unbind(ended.name);
    metrics.createTime.unbind(ended.name);
  }
}
