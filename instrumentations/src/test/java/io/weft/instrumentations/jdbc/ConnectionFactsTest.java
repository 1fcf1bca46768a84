package io.weft.instrumentations.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/**
 * Facts from the URL a driver connected with, and the parsed-URL cache. The "connections" here are
 * plain objects with no {@code getMetaData()}: had anything asked them, the answer would be unknown.
 */
class ConnectionFactsTest {

  @Test
  void aConnectionADriverReturnedHasItsUrlsFactsWithoutBeingAsked() {
    Object connection = new Object();
    ConnectionFacts.connected(connection, "jdbc:postgresql://db.example:5433/shop?ssl=true");
    assertEquals(DatabaseFacts.of("postgresql", "shop", "db.example", "5433"), ConnectionFacts.of(connection));
  }

  @Test
  void aUrlThatDoesNotNameTheDatabaseLeavesTheConnectionToItsMetadata() {
    Object connection = new Object();
    ConnectionFacts.connected(connection, "jdbc:vendorx://host/db");
    assertSame(DatabaseFacts.UNKNOWN, ConnectionFacts.of(connection), "resolved from metadata, which a plain object lacks");
  }

  @Test
  void parsedUrlsAreRememberedUpToTheLimitAndStillParsedPastIt() {
    String url = "jdbc:h2:mem:facts_cache;DB_CLOSE_DELAY=-1";
    assertSame(ConnectionFacts.factsOf(url, null), ConnectionFacts.factsOf(url, null));
    for (int i = 0; i < ConnectionFacts.URL_LIMIT + 10; i++) {
      String many = "jdbc:mysql://host" + i + ":3306/db" + i;
      assertEquals(DatabaseFacts.of("mysql", "db" + i, "host" + i, "3306"), ConnectionFacts.factsOf(many, "MySQL"));
    }
  }

  @Test
  void aClosedConnectionIsForgotten() {
    Object connection = new Object();
    ConnectionFacts.connected(connection, "jdbc:postgresql://db.example:5433/shop");
    JdbcHooks.connectionClosed(connection);
    assertSame(DatabaseFacts.UNKNOWN, ConnectionFacts.of(connection), "asked again, and a plain object cannot say");
  }

  @Test
  void aClosedStatementIsForgotten() {
    JdbcMetrics.install(new io.weft.bootstrap.metrics.MetricRegistry());
    Object connection = new Object();
    Object statement = new Object();
    ConnectionFacts.connected(connection, "jdbc:h2:mem:closing");
    JdbcHooks.prepared(statement, connection, "SELECT 1");
    assertTrue(JdbcHooks.remembers(statement));
    JdbcHooks.statementClosed(statement);
    assertFalse(JdbcHooks.remembers(statement));
  }
}
