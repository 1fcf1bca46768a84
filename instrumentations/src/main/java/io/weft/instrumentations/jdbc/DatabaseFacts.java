package io.weft.instrumentations.jdbc;

import java.util.concurrent.ConcurrentHashMap;

/**
 * What the semantic conventions want to know about the database behind a connection: {@code
 * db.system.name}, {@code db.namespace}, {@code server.address} and {@code server.port}, as
 * attribute values (empty when unknown). Resolved once per connection and shared: every connection
 * to the same database gets the same instance, so it can be compared by identity.
 */
record DatabaseFacts(String system, String namespace, String address, String port) {

  /** A database nothing is known about. */
  static final DatabaseFacts UNKNOWN = new DatabaseFacts("other_sql", "", "", "");

  private static final ConcurrentHashMap<DatabaseFacts, DatabaseFacts> CANONICAL = new ConcurrentHashMap<>();
  private static final int CANONICAL_LIMIT = 1000;

  /** {@code server.port} as a number, or -1 when unknown. */
  int portNumber() {
    try {
      return port.isEmpty() ? -1 : Integer.parseInt(port);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The shared instance equal to these facts. */
  static DatabaseFacts of(String system, String namespace, String address, String port) {
    DatabaseFacts facts = new DatabaseFacts(system, namespace, address, port);
    DatabaseFacts shared = CANONICAL.get(facts);
    if (shared != null) {
      return shared;
    }
    if (CANONICAL.size() >= CANONICAL_LIMIT) {
      return facts; // a pathological number of databases: still correct, only not shared
    }
    shared = CANONICAL.putIfAbsent(facts, facts);
    return shared != null ? shared : facts;
  }
}
