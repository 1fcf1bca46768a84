package io.weft.instrumentations.jdbc;

import java.util.Arrays;

/**
 * One distinct SQL text, summarised once, with its {@link OperationSeries} per database (usually
 * one or two) and its batch form ({@code BATCH INSERT users}) made on first use.
 */
final class SummarisedQuery {

  /** A statement whose SQL is not known (prepared before the agent, or plain without text). */
  static final SummarisedQuery UNKNOWN = new SummarisedQuery(QuerySummary.UNKNOWN);

  /** Past this many databases per query, series are made per call instead of kept. */
  private static final int MAX_KEPT_SERIES = 16;

  final QuerySummary summary;
  private volatile SummarisedQuery batch;
  private volatile OperationSeries[] series = new OperationSeries[0];

  SummarisedQuery(QuerySummary summary) {
    this.summary = summary;
  }

  /** This query run as a batch. */
  SummarisedQuery batch() {
    SummarisedQuery b = batch;
    if (b == null) {
      batch = b = new SummarisedQuery(summary.asBatch());
    }
    return b;
  }

  /**
   * The series for this query on {@code database}. Cost when known: a scan of a one- or two-element
   * array by identity; allocates nothing.
   */
  OperationSeries seriesFor(DatabaseFacts database, JdbcMetrics metrics) {
    for (OperationSeries s : series) {
      if (s.database == database && s.metrics == metrics) {
        return s;
      }
    }
    return addSeries(database, metrics);
  }

  private synchronized OperationSeries addSeries(DatabaseFacts database, JdbcMetrics metrics) {
    OperationSeries[] current = series;
    for (OperationSeries s : current) {
      if (s.database == database && s.metrics == metrics) {
        return s;
      }
    }
    OperationSeries made = new OperationSeries(this, database, metrics);
    if (current.length < MAX_KEPT_SERIES) {
      OperationSeries[] more = Arrays.copyOf(current, current.length + 1);
      more[current.length] = made;
      series = more;
    }
    return made;
  }
}
