package io.weft.instrumentations.jdbc;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Distinct SQL texts and their summaries, bounded: two generations of at most {@code generation}
 * texts each. A text found in the old generation moves to the young one; when the young one is
 * full, it becomes the old one and the previous old one is dropped. So texts in use stay, an
 * application that builds SQL with literals in it cannot grow the cache without bound, and the
 * worst case is one re-parse per text per generation.
 *
 * <p>Cost of a hit: one {@code ConcurrentHashMap} look-up (the text's hash is cached in the String;
 * equality compares the characters); allocates nothing.
 */
final class QueryCache {

  private final int generation;
  private volatile ConcurrentHashMap<String, SummarisedQuery> young = new ConcurrentHashMap<>();
  private volatile ConcurrentHashMap<String, SummarisedQuery> old = new ConcurrentHashMap<>();
  /** Batches of mixed statements, by what they have in common; as bounded as the texts. */
  private final ConcurrentHashMap<QuerySummary, SummarisedQuery> mixedBatches = new ConcurrentHashMap<>();

  QueryCache(int generation) {
    this.generation = generation;
  }

  /** The summarised query for {@code sql}; {@link SummarisedQuery#UNKNOWN} for null. */
  SummarisedQuery get(String sql) {
    if (sql == null) {
      return SummarisedQuery.UNKNOWN;
    }
    SummarisedQuery q = young.get(sql);
    if (q != null) {
      return q;
    }
    q = old.get(sql);
    if (q == null) {
      q = new SummarisedQuery(SqlSummariser.summarise(sql));
    }
    ConcurrentHashMap<String, SummarisedQuery> y = young;
    y.put(sql, q);
    if (y.size() > generation) {
      synchronized (this) {
        if (young == y) {
          old = y;
          young = new ConcurrentHashMap<>();
        }
      }
    }
    return q;
  }

  /** What a batch of {@code a} and {@code b} has in common, before its {@code BATCH} prefix. */
  SummarisedQuery common(SummarisedQuery a, SummarisedQuery b) {
    if (a == b || a.summary.equals(b.summary)) {
      return a;
    }
    QuerySummary common = a.summary.commonWith(b.summary);
    SummarisedQuery q = mixedBatches.get(common);
    if (q != null) {
      return q;
    }
    if (mixedBatches.size() >= generation) {
      return new SummarisedQuery(common);
    }
    q = new SummarisedQuery(common);
    SummarisedQuery raced = mixedBatches.putIfAbsent(common, q);
    return raced != null ? raced : q;
  }

  /** Texts held now, both generations. */
  int size() {
    return young.size() + old.size();
  }
}
