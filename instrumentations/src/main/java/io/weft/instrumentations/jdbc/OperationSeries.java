package io.weft.instrumentations.jdbc;

import io.weft.bootstrap.metrics.Histogram;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where executions of one summarised query on one database are recorded: the success series, bound
 * once, and the failure series, bound on first use per error. Shared by every statement with that
 * SQL text on that database, so a statement's execution finds it with one map look-up.
 */
final class OperationSeries {

  final SummarisedQuery query;
  final DatabaseFacts database;
  final JdbcMetrics metrics;
  /** Bound on the first success, so that a query that only ever fails shows no empty success series. */
  private volatile Histogram.Handle success;
  private final ConcurrentHashMap<String, Histogram.Handle> failures = new ConcurrentHashMap<>(4);

  OperationSeries(SummarisedQuery query, DatabaseFacts database, JdbcMetrics metrics) {
    this.query = query;
    this.database = database;
    this.metrics = metrics;
  }

  /**
   * Records one execution that started at {@code startNanos}. Cost on success: a volatile read and a
   * histogram record (tens of nanoseconds), no allocation after the first. On failure: the error
   * attributes and one map look-up.
   */
  void record(long startNanos, Throwable thrown) {
    if (thrown == null) {
      Histogram.Handle s = success;
      if (s == null) {
        success = s = metrics.bind(query.summary, database, null, null); // a race binds the same handle twice
      }
      s.recordSince(startNanos);
      return;
    }
    String[] error = SqlErrors.attributes(thrown);
    String key = error[0] + '\u0000' + error[1];
    Histogram.Handle handle = failures.get(key);
    if (handle == null) {
      handle = failures.computeIfAbsent(key, k -> metrics.bind(query.summary, database, error[0], error[1]));
    }
    handle.recordSince(startNanos);
  }
}
