package io.weft.instrumentations.jdbc;

import io.weft.instrumentations.weakstate.WeakIdentityMap;

/**
 * {@link DatabaseFacts} per connection, resolved once per connection object and remembered weakly.
 *
 * <p>A pool hands out a new proxy per borrow; its facts come from the connection it wraps where the
 * pool unwraps to it ({@code unwrap(Connection.class)}: HikariCP does), so the driver's connection is
 * asked once in its life. Otherwise the connection's own {@code getMetaData().getURL()} is read once.
 * Nothing here runs per statement execution.
 */
final class ConnectionFacts {

  private static final WeakIdentityMap<DatabaseFacts> BY_CONNECTION = new WeakIdentityMap<>();

  private ConnectionFacts() {}

  /** The facts for {@code connection}; {@link DatabaseFacts#UNKNOWN} for null or a connection that cannot say. */
  static DatabaseFacts of(Object connection) {
    if (connection == null) {
      return DatabaseFacts.UNKNOWN;
    }
    DatabaseFacts facts = BY_CONNECTION.get(connection);
    return facts != null ? facts : resolve(connection);
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
      facts = JdbcUrl.facts(urlAndProduct[0], urlAndProduct[1]);
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
