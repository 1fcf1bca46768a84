package io.weft.instrumentations.jdbc;

/**
 * What a SQL text does, as low-cardinality attribute values: {@code db.operation.name} ({@code
 * SELECT}), {@code db.collection.name} ({@code users}) and {@code db.query.summary} ({@code SELECT
 * users}). An empty string means unknown. Never holds a literal value from the SQL.
 */
public record QuerySummary(String operation, String collection, String summary) {

  /** What nothing could be made of. */
  public static final QuerySummary UNKNOWN = new QuerySummary("", "", "");

  /** A batch of unknown or mixed statements: {@code BATCH}. */
  static final QuerySummary BATCH = new QuerySummary("BATCH", "", "BATCH");

  /**
   * The summary of this statement run as a batch, per the semantic conventions: {@code BATCH INSERT},
   * {@code BATCH INSERT users}; {@code BATCH} alone when the statement is unknown.
   */
  public QuerySummary asBatch() {
    return new QuerySummary(operation.isEmpty() ? "BATCH" : "BATCH " + operation, collection,
        summary.isEmpty() ? "BATCH" : "BATCH " + summary);
  }

  /**
   * What a batch of this statement and {@code other} has in common, before {@link #asBatch()}: the
   * operation and collection where both agree, the summary only where both summaries are equal.
   */
  public QuerySummary commonWith(QuerySummary other) {
    if (equals(other)) {
      return this;
    }
    return new QuerySummary(operation.equals(other.operation) ? operation : "",
        collection.equals(other.collection) ? collection : "", "");
  }
}
