package io.weft.instrumentations.jdbc;

import io.weft.instrumentations.weakstate.WeakIdentityMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link DatabaseFacts} per connection, resolved once per connection object and remembered weakly.
 *
 * <p>A pool hands out a new proxy per borrow; its facts come from the connection it wraps where the
 * pool unwraps to it ({@code unwrap(Connection.class)}: HikariCP does), so the driver's connection is
 * asked once in its life. Otherwise the connection's own {@code getMetaData().getURL()} is read once.
 * A connection that a driver's {@code connect(url, ...)} returned gets its facts from that URL right
 * away, without asking the connection anything (when the URL names a known database). Parsed URLs
 * are remembered, so a service that opens a connection per query parses its URL once. Nothing here
 * runs per statement execution.
 */
final class ConnectionFacts {

  private static final WeakIdentityMap<DatabaseFacts> BY_CONNECTION = new WeakIdentityMap<>();
  /** Facts by URL and product name; bounded: past the limit, further URLs are parsed each time. */
  private static final ConcurrentHashMap<String, DatabaseFacts> BY_URL = new ConcurrentHashMap<>();
  static final int URL_LIMIT = 256;

  private ConnectionFacts() {}

  /** The facts for {@code connection}; {@link DatabaseFacts#UNKNOWN} for null or a connection that cannot say. */
  static DatabaseFacts of(Object connection) {
    if (connection == null) {
      return DatabaseFacts.UNKNOWN;
    }
    DatabaseFacts facts = BY_CONNECTION.get(connection);
    return facts != null ? facts : resolve(connection);
  }

  /**
   * A driver returned {@code connection} for {@code url}: its facts are the URL's, unless the URL
   * does not name the database (then they are resolved from the connection's metadata when first
   * needed, as for any other connection).
   */
  static void connected(Object connection, String url) {
    DatabaseFacts facts = factsOf(url, null);
    if (!facts.system().equals(DatabaseFacts.UNKNOWN.system())) {
      BY_CONNECTION.putIfAbsent(connection, facts);
    }
  }

  /** The connection was closed: its facts are no longer needed (a pool's proxy is closed per borrow). */
  static void closed(Object connection) {
    BY_CONNECTION.remove(connection);
  }

  /** {@link JdbcUrl#facts}, remembered (a null URL is not). Cost once known: one map look-up. */
  static DatabaseFacts factsOf(String url, String productName) {
    if (url == null) {
      return JdbcUrl.facts(null, productName);
    }
    String key = productName == null ? url : url + '\u0000' + productName;
    DatabaseFacts facts = BY_URL.get(key);
    if (facts == null) {
      facts = JdbcUrl.facts(url, productName);
      if (BY_URL.size() < URL_LIMIT) {
        BY_URL.putIfAbsent(key, facts);
      }
    }
    return facts;
  }

  private static DatabaseFacts resolve(Object connection) {
    Object inner = JdbcCalls.unwrapConnection(connection);
    if (inner != null && inner != connection) {
      DatabaseFacts known = BY_CONNECTION.get(inner);
      if (known != null) {
        BY_CONNECTION.put(connection, known);
        return known;
      }
    }
    Object target = inner != null ? inner : connection;
    DatabaseFacts facts;
    try {
      String[] urlAndProduct = JdbcCalls.urlAndProduct(target);
      facts = factsOf(urlAndProduct[0], urlAndProduct[1]);
    } catch (Throwable t) {
      facts = DatabaseFacts.UNKNOWN; // a closed or odd connection: remembered, not retried per statement
    }
    BY_CONNECTION.put(target, facts);
    if (target != connection) {
      BY_CONNECTION.put(connection, facts);
    }
    return facts;
  }
}
