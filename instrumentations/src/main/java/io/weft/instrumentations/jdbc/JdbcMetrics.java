package io.weft.instrumentations.jdbc;

import io.weft.bootstrap.metrics.AttributeKey;
import io.weft.bootstrap.metrics.AttributeValues;
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
        .attributes(AttributeKey.string("db.system.name"),
            AttributeKey.string("db.namespace").conditionallyRequired(),
            AttributeKey.string("db.query.summary").recommended(),
            AttributeKey.string("db.response.status_code").conditionallyRequired(),
            AttributeKey.string("server.address").recommended(),
            AttributeKey.longKey("server.port").conditionallyRequired(),
            AttributeKey.string("error.type").conditionallyRequired())
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

  /**
   * The series of one summary on one database with one outcome, unknown values left out; allocates
   * (call once per combination). The operation and tables read from the SQL text are recorded in
   * {@code db.query.summary} only: the conventions say not to derive {@code db.operation.name} and
   * {@code db.collection.name} from SQL text, which may name several of each, and the OpenTelemetry
   * Java agent does not.
   *
   * @param errorType null on success
   * @param statusCode null when the failure had none
   */
  Histogram.Handle bind(QuerySummary summary, DatabaseFacts db, String errorType, String statusCode) {
    AttributeValues values = duration.values().set(0, db.system()).set(1, db.namespace()).set(2, summary.summary())
        .set(3, statusCode).set(4, db.address()).set(6, errorType);
    int port = db.portNumber();
    if (port > 0) {
      values.set(5, port);
    }
    return duration.bind(values);
  }
}
