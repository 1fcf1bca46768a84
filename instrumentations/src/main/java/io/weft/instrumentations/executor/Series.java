package io.weft.instrumentations.executor;

import io.weft.bootstrap.metrics.Counter;
import io.weft.bootstrap.metrics.Histogram;

/**
 * The bound instruments of one {@code (jvm.executor.name, jvm.executor.type)} combination. Pools
 * that share a name share one of these, and so their series.
 */
final class Series {
  final String name;
  final PoolType type;
  final Histogram.Handle duration;
  /** Null for executors that queue nothing (thread-per-task), which have no wait series. */
  final Histogram.Handle waitDuration;
  final Counter.Handle rejected;

  Series(String name, PoolType type, Histogram.Handle duration, Histogram.Handle waitDuration,
      Counter.Handle rejected) {
    this.name = name;
    this.type = type;
    this.duration = duration;
    this.waitDuration = waitDuration;
    this.rejected = rejected;
  }
}
