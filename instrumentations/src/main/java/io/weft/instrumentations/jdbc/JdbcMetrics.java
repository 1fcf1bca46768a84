package io.weft.instrumentations.jdbc;

import io.weft.bootstrap.metrics.Buckets;
import io.weft.bootstrap.metrics.Histogram;
import io.weft.bootstrap.metrics.MetricDescriptor;
import io.weft.bootstrap.metrics.MetricRegistry;
import java.util.List;

/**
 * The JDBC instrument, {@code db.client.operation.duration}, per the OpenTelemetry database
 * semantic conventions, and the cache of summarised SQL texts that feeds its attributes.
 */
public final class JdbcMetrics {

  /** Distinct SQL texts kept per cache generation; at most twice this many are held. */
  static final int QUERY_CACHE_GENERATION = 512;

  private static volatile JdbcMetrics current;

  private final Histogram duration;
  private final QueryCache queries = new QueryCache(QUERY_CACHE_GENERATION);

  private JdbcMetrics(MetricRegistry registry) {
    duration = registry.histogram("db.client.operation.duration")
        .unit("s")
        .description("Duration of database client operations.")
        .buckets(Buckets.DB_SECONDS)
        .attributeKeys("db.system.name", "db.namespace", "db.operation.name", "db.collection.name",
            "db.query.summary", "db.response.status_code", "server.address", "server.port", "error.type")
        .register();
  }

  /** Registers the instrument and makes the hooks record into it. */
  public static JdbcMetrics install(MetricRegistry registry) {
    JdbcMetrics m = new JdbcMetrics(registry);
    current = m;
    return m;
  }

  /** The metrics this family defines, as registered (for documentation checks). */
  public static List<MetricDescriptor> descriptors() {
    return List.of(new JdbcMetrics(new MetricRegistry()).duration.descriptor());
  }

  /** The installed instance, or null when JDBC metrics are off. */
  static JdbcMetrics current() {
    return current;
  }

  QueryCache queries() {
    return queries;
  }

  /** The series of one summary on one database with one outcome; allocates (call once per combination). */
  Histogram.Handle bind(QuerySummary summary, DatabaseFacts db, String errorType, String statusCode) {
    return duration.bind(db.system(), db.namespace(), summary.operation(), summary.collection(), summary.summary(),
        statusCode, db.address(), db.port(), errorType);
  }
}
