package io.weft.instrumentations.hikaricp;

import io.weft.bootstrap.log.WeftLog;
import io.weft.bootstrap.metrics.AttributeKey;
import io.weft.bootstrap.metrics.Buckets;
import io.weft.bootstrap.metrics.Collector;
import io.weft.bootstrap.metrics.Histogram;
import io.weft.bootstrap.metrics.MetricDescriptor;
import io.weft.bootstrap.metrics.MetricKind;
import io.weft.bootstrap.metrics.MetricRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * The connection-pool instruments of the OpenTelemetry database semantic conventions ({@code
 * db.client.connection.*}), all with {@code db.client.connection.pool.name}: the pool's state, read
 * from each live pool when something collects, and the wait, use and create time histograms,
 * recorded by the hooks. A pool that closes (or is collected) leaves the output: its state is no
 * longer read and its histogram series are unbound.
 */
public final class ConnectionPoolMetrics {

  static final String POOL_NAME = "db.client.connection.pool.name";

  static final MetricDescriptor COUNT = new MetricDescriptor("db.client.connection.count", MetricKind.UP_DOWN_COUNTER,
      "{connection}", "The number of connections that are currently in the state described by the state attribute.",
      AttributeKey.strings(POOL_NAME, "db.client.connection.state"));
  static final MetricDescriptor IDLE_MIN = new MetricDescriptor("db.client.connection.idle.min",
      MetricKind.UP_DOWN_COUNTER, "{connection}", "The minimum number of idle open connections allowed.",
      AttributeKey.strings(POOL_NAME));
  static final MetricDescriptor MAX = new MetricDescriptor("db.client.connection.max", MetricKind.UP_DOWN_COUNTER,
      "{connection}", "The maximum number of open connections allowed.", AttributeKey.strings(POOL_NAME));
  static final MetricDescriptor PENDING_REQUESTS = new MetricDescriptor("db.client.connection.pending_requests",
      MetricKind.UP_DOWN_COUNTER, "{request}",
      "The number of current pending requests for an open connection.", AttributeKey.strings(POOL_NAME));
  static final MetricDescriptor TIMEOUTS = new MetricDescriptor("db.client.connection.timeouts", MetricKind.COUNTER,
      "{timeout}", "The number of connection timeouts that have occurred trying to obtain a connection from the pool.",
      AttributeKey.strings(POOL_NAME));

  /** Every metric the collector emits. */
  static final List<MetricDescriptor> COLLECTED = List.of(COUNT, IDLE_MIN, MAX, PENDING_REQUESTS, TIMEOUTS);

  private static volatile ConnectionPoolMetrics current;

  final Histogram waitTime;
  final Histogram useTime;
  final Histogram createTime;
  final HikariPools pools = new HikariPools(this);

  private ConnectionPoolMetrics(MetricRegistry registry) {
    waitTime = histogram(registry, "db.client.connection.wait_time",
        "The time it took to obtain an open connection from the pool.");
    useTime = histogram(registry, "db.client.connection.use_time",
        "The time between borrowing a connection and returning it to the pool.");
    createTime = histogram(registry, "db.client.connection.create_time", "The time it took to create a new connection.");
    registry.register(new PoolCollector(pools));
  }

  private static Histogram histogram(MetricRegistry registry, String name, String description) {
    return registry.histogram(name).unit("s").description(description).buckets(Buckets.DB_SECONDS)
        .attributeKeys(POOL_NAME).register();
  }

  /** Registers the instruments and the collector, and makes the hooks record into them. */
  public static ConnectionPoolMetrics install(MetricRegistry registry) {
    ConnectionPoolMetrics m = new ConnectionPoolMetrics(registry);
    current = m;
    return m;
  }

  /** The metrics this family defines, as registered (for documentation checks). */
  public static List<MetricDescriptor> descriptors() {
    ConnectionPoolMetrics m = new ConnectionPoolMetrics(new MetricRegistry());
    List<MetricDescriptor> all = new ArrayList<>(COLLECTED);
    all.add(m.waitTime.descriptor());
    all.add(m.useTime.descriptor());
    all.add(m.createTime.descriptor());
    return all;
  }

  /** The installed instance, or null when pool metrics are off. */
  static ConnectionPoolMetrics current() {
    return current;
  }

  /** Emits each live pool's state. */
  private static final class PoolCollector implements Collector {
    private final HikariPools pools;

    PoolCollector(HikariPools pools) {
      this.pools = pools;
    }

    @Override
    public List<MetricDescriptor> describe() {
      return COLLECTED;
    }

    @Override
    public void collect(Output out) {
      for (TrackedPool pool : pools.live()) {
        try {
          pool.collect(out);
        } catch (RuntimeException e) {
          // One pool that cannot be read (an unexpected HikariCP version) must not hide the others.
          WeftLog.warnLimited("hikaricp:" + pool.name, "reading HikariCP pool " + pool.name + " failed: " + e);
        }
      }
    }

    @Override
    public String name() {
      return "hikaricp";
    }
  }
}
