package io.weft.instrumentations.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The summariser's table: SQL text in, {@code db.operation.name}, {@code db.collection.name} and
 * {@code db.query.summary} out. Each row is one case a real application sends.
 */
class SqlSummariserTest {

  static Stream<Arguments> statements() {
    return Stream.of(
        // sql, operation, collection, summary
        row("SELECT * FROM users", "SELECT", "users", "SELECT users"),
        row("select name from users where id = ?", "SELECT", "users", "SELECT users"),
        row("SeLeCt name FrOm Users WHERE id = 1", "SELECT", "Users", "SELECT Users"),
        row("  \n\tSELECT\n  name\r\n FROM\tusers  ", "SELECT", "users", "SELECT users"),
        row("-- who is it\nSELECT name FROM users", "SELECT", "users", "SELECT users"),
        row("/* leading */ SELECT /*+ INDEX(users idx) */ name FROM /* between */ users", "SELECT", "users",
            "SELECT users"),
        row("/* outer /* nested */ still comment */ DELETE FROM sessions", "DELETE", "sessions", "DELETE sessions"),
        row("SELECT * FROM public.users", "SELECT", "public.users", "SELECT public.users"),
        row("SELECT * FROM \"public\".\"user accounts\"", "SELECT", "\"public\".\"user accounts\"",
            "SELECT \"public\".\"user accounts\""),
        row("SELECT * FROM `shop`.`orders`", "SELECT", "`shop`.`orders`", "SELECT `shop`.`orders`"),
        row("SELECT * FROM [dbo].[Orders]", "SELECT", "[dbo].[Orders]", "SELECT [dbo].[Orders]"),
        row("SELECT * FROM catalog.schema.items i", "SELECT", "catalog.schema.items", "SELECT catalog.schema.items"),
        row("SELECT u.name FROM users u JOIN orders o ON o.user_id = u.id", "SELECT", "users", "SELECT users orders"),
        row("SELECT * FROM users AS u LEFT OUTER JOIN orders AS o ON o.user_id = u.id INNER JOIN items i ON i.id = o.item",
            "SELECT", "users", "SELECT users orders items"),
        row("SELECT * FROM songs, artists WHERE songs.artist_id = artists.id", "SELECT", "songs", "SELECT songs artists"),
        row("SELECT order_date FROM (SELECT * FROM orders o JOIN customers c ON o.customer_id = c.customer_id) x",
            "SELECT", "orders", "SELECT SELECT orders customers"),
        row("SELECT * FROM users WHERE id IN (SELECT user_id FROM orders WHERE total > 100)", "SELECT", "users",
            "SELECT users SELECT orders"),
        row("SELECT COUNT(*), MAX(created) FROM events WHERE kind = 'a; DROP TABLE users'", "SELECT", "events",
            "SELECT events"),
        row("SELECT 'it''s' AS quote FROM notes", "SELECT", "notes", "SELECT notes"),
        row("SELECT EXTRACT(YEAR FROM created) FROM orders", "SELECT", "orders", "SELECT orders"),
        row("SELECT * FROM a WHERE x IS DISTINCT FROM y", "SELECT", "a", "SELECT a"),
        row("SELECT 1", "SELECT", "", "SELECT"),
        row("SELECT 1 FROM DUAL", "SELECT", "", "SELECT"),
        row("SELECT * FROM generate_series(1, 10)", "SELECT", "", "SELECT"),
        row("SELECT * FROM users FOR UPDATE", "SELECT", "users", "SELECT users"),
        row("SELECT a FROM t1 UNION ALL SELECT b FROM t2", "SELECT", "t1", "SELECT t1 SELECT t2"),
        row("(SELECT a FROM t1) UNION (SELECT b FROM t2)", "SELECT", "t1", "SELECT t1 SELECT t2"),
        row("WITH recent AS (SELECT * FROM orders WHERE day > ?) SELECT * FROM recent JOIN users ON users.id = recent.uid",
            "SELECT", "users", "SELECT orders SELECT users"),
        row("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5) SELECT i FROM n", "SELECT", "",
            "SELECT SELECT SELECT"),
        row("WITH a AS (SELECT id FROM accounts), b AS MATERIALIZED (SELECT id FROM banks) SELECT * FROM a, b",
            "SELECT", "accounts", "SELECT accounts SELECT banks SELECT"),
        row("WITH moved AS (DELETE FROM inbox WHERE done RETURNING *) INSERT INTO archive SELECT * FROM moved",
            "INSERT", "archive", "DELETE inbox INSERT archive SELECT"),
        row("INSERT INTO users (id, name) VALUES (?, ?)", "INSERT", "users", "INSERT users"),
        row("insert into users values (1, 'ada'), (2, 'grace')", "INSERT", "users", "INSERT users"),
        row("INSERT INTO shipping_details (order_id, address) SELECT order_id, address FROM orders WHERE order_id = ?",
            "INSERT", "shipping_details", "INSERT shipping_details SELECT orders"),
        row("INSERT INTO users (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET name = excluded.name", "INSERT", "users",
            "INSERT users"),
        row("INSERT INTO users (id) VALUES (1) ON DUPLICATE KEY UPDATE name = 'x'", "INSERT", "users", "INSERT users"),
        row("INSERT OR REPLACE INTO settings (k, v) VALUES (?, ?)", "INSERT", "settings", "INSERT settings"),
        row("REPLACE INTO settings (k, v) VALUES (?, ?)", "REPLACE", "settings", "REPLACE settings"),
        row("UPDATE users SET name = ? WHERE id = ?", "UPDATE", "users", "UPDATE users"),
        row("UPDATE users u SET visits = (SELECT COUNT(*) FROM visits v WHERE v.uid = u.id)", "UPDATE", "users",
            "UPDATE users SELECT visits"),
        row("UPDATE accounts SET balance = b.total FROM balances b WHERE b.id = accounts.id", "UPDATE", "accounts",
            "UPDATE accounts balances"),
        row("DELETE FROM sessions WHERE expires < now()", "DELETE", "sessions", "DELETE sessions"),
        row("delete from ONLY logs", "DELETE", "logs", "DELETE logs"),
        row("MERGE INTO stock s USING deliveries d ON s.item = d.item WHEN MATCHED THEN UPDATE SET qty = s.qty + d.qty"
            + " WHEN NOT MATCHED THEN INSERT (item, qty) VALUES (d.item, d.qty)", "MERGE", "stock", "MERGE stock deliveries"),
        row("MERGE INTO users KEY (id) VALUES (?, ?)", "MERGE", "users", "MERGE users"),
        row("CALL refresh_totals(?, ?)", "CALL", "", "CALL refresh_totals"),
        row("{call accounting.close_day(?)}", "CALL", "", "CALL accounting.close_day"),
        row("{? = call next_id()}", "CALL", "", "CALL next_id"),
        row("CREATE TABLE users (id BIGINT PRIMARY KEY, name VARCHAR(64) NOT NULL)", "CREATE TABLE", "users",
            "CREATE TABLE users"),
        row("create temporary table if not exists scratch (x int)", "CREATE TABLE", "scratch", "CREATE TABLE scratch"),
        row("CREATE TABLE copy AS SELECT * FROM users", "CREATE TABLE", "copy", "CREATE TABLE copy SELECT users"),
        row("CREATE UNIQUE INDEX idx_users_name ON users (name)", "CREATE INDEX", "users", "CREATE INDEX users"),
        row("DROP TABLE IF EXISTS a, b", "DROP TABLE", "a", "DROP TABLE a b"),
        row("ALTER TABLE users ADD COLUMN email VARCHAR(255)", "ALTER TABLE", "users", "ALTER TABLE users"),
        row("TRUNCATE TABLE events", "TRUNCATE", "events", "TRUNCATE events"),
        row("SELECT 1; INSERT INTO audit VALUES (1)", "SELECT", "", "SELECT INSERT audit"),
        row("INSERT INTO a VALUES (1); INSERT INTO b VALUES (2);", "INSERT", "a", "INSERT a INSERT b"),
        row(";; UPDATE t SET x = 1", "UPDATE", "t", "UPDATE t"),
        row("SELECT $$literal FROM nowhere$$, x FROM t", "SELECT", "t", "SELECT t"),
        row("SELECT * FROM t WHERE a = :name AND b = $1 AND c::text = 'x'", "SELECT", "t", "SELECT t"),
        row("SET search_path TO app", "SET", "", "SET"),
        row("COMMIT", "COMMIT", "", "COMMIT"),
        row("this is not sql at all", "", "", ""),
        row("", "", "", ""),
        row("   -- only a comment", "", "", ""),
        row("SELECT * FROM 'artists'", "SELECT", "", "SELECT"),
        row("SELECT * FROM (", "SELECT", "", "SELECT"),
        row("SELECT * FROM users WHERE name = 'unterminated", "SELECT", "users", "SELECT users"));
  }

  private static Arguments row(String sql, String operation, String collection, String summary) {
    return Arguments.of(sql, operation, collection, summary);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("statements")
  void summarisesEachStatement(String sql, String operation, String collection, String summary) {
    assertEquals(new QuerySummary(operation, collection, summary), SqlSummariser.summarise(sql));
  }

  @Test
  void theTableCoversAtLeastFortyStatements() {
    assertTrue(statements().count() >= 40);
  }

  @Test
  void nullIsUnknown() {
    assertEquals(QuerySummary.UNKNOWN, SqlSummariser.summarise(null));
  }

  @Test
  void literalsNeverReachTheSummary() {
    QuerySummary s = SqlSummariser.summarise(
        "SELECT 'secret-1', 42, $tag$secret-2$tag$ FROM t WHERE p = 'secret-3' -- secret-4\n /* secret-5 */");
    assertEquals(new QuerySummary("SELECT", "t", "SELECT t"), s);
    for (String part : new String[] {s.operation(), s.collection(), s.summary()}) {
      assertFalse(part.contains("secret"), part);
      assertFalse(part.contains("42"), part);
    }
  }

  @Test
  void longSummariesStopAtTwoHundredFiftyFiveCharactersOnAWordBoundary() {
    StringBuilder sql = new StringBuilder("SELECT * FROM t0");
    for (int i = 1; i < 100; i++) {
      sql.append(" JOIN table_number_").append(i).append(" ON 1 = 1");
    }
    String summary = SqlSummariser.summarise(sql.toString()).summary();
    assertTrue(summary.length() <= SqlSummariser.MAX_SUMMARY_LENGTH, summary);
    assertTrue(summary.length() > SqlSummariser.MAX_SUMMARY_LENGTH - 20, summary);
    assertTrue(summary.startsWith("SELECT t0 table_number_1 table_number_2 "), summary);
    assertTrue(summary.matches(".*table_number_\\d+"), summary);
  }

  @Test
  void batchesArePrefixedAsTheConventionsSay() {
    QuerySummary insert = SqlSummariser.summarise("INSERT INTO users VALUES (?)");
    assertEquals(new QuerySummary("BATCH INSERT", "users", "BATCH INSERT users"), insert.asBatch());
    QuerySummary otherTable = SqlSummariser.summarise("INSERT INTO orders VALUES (?)");
    assertEquals(new QuerySummary("BATCH INSERT", "", "BATCH"), insert.commonWith(otherTable).asBatch());
    QuerySummary delete = SqlSummariser.summarise("DELETE FROM users");
    assertEquals(new QuerySummary("BATCH", "users", "BATCH"), insert.commonWith(delete).asBatch());
    assertEquals(insert.asBatch(), insert.commonWith(insert).asBatch());
    assertEquals(new QuerySummary("BATCH", "", "BATCH"), QuerySummary.UNKNOWN.asBatch());
  }
}
