package io.weft.instrumentations.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Database facts from JDBC URLs: system, namespace, address and port; never credentials. */
class JdbcUrlTest {

  static Stream<Arguments> urls() {
    return Stream.of(
        Arguments.of("jdbc:postgresql://db.example.com/shop?user=app&password=secret", null,
            "postgresql", "shop", "db.example.com", "5432"),
        Arguments.of("jdbc:postgresql://127.0.0.1:55432/direct?user=weft", null, "postgresql", "direct", "127.0.0.1",
            "55432"),
        Arguments.of("jdbc:postgresql://h1:5433,h2:5434/app", null, "postgresql", "app", "h1", "5433"),
        Arguments.of("jdbc:postgresql:shop", null, "postgresql", "shop", "", ""),
        Arguments.of("jdbc:postgresql://[::1]:5999/v6", null, "postgresql", "v6", "::1", "5999"),
        Arguments.of("jdbc:mysql://user:pw@mysql.local:3307/orders", null, "mysql", "orders", "mysql.local", "3307"),
        Arguments.of("jdbc:mariadb://maria/app", null, "mariadb", "app", "maria", "3306"),
        Arguments.of("jdbc:h2:mem:weftdemo;DB_CLOSE_DELAY=-1", null, "h2database", "weftdemo", "", ""),
        Arguments.of("jdbc:h2:tcp://localhost/~/test", null, "h2database", "~/test", "localhost", "9092"),
        Arguments.of("jdbc:h2:file:/data/app;MODE=PostgreSQL", null, "h2database", "/data/app", "", ""),
        Arguments.of("jdbc:sqlite:/tmp/app.db", null, "sqlite", "/tmp/app.db", "", ""),
        Arguments.of("jdbc:sqlite::memory:", null, "sqlite", ":memory:", "", ""),
        Arguments.of("jdbc:sqlserver://sql.local:1444;databaseName=Shop;encrypt=true", null,
            "microsoft.sql_server", "Shop", "sql.local", "1444"),
        Arguments.of("jdbc:oracle:thin:@ora.local:1522/ORCLPDB1", null, "oracle.db", "ORCLPDB1", "ora.local", "1522"),
        Arguments.of("jdbc:p6spy:postgresql://pg/app", null, "postgresql", "app", "pg", "5432"),
        Arguments.of("jdbc:somethingelse://x/y", "PostgreSQL", "postgresql", "y", "x", "5432"),
        Arguments.of("jdbc:somethingelse://x/y", null, "other_sql", "y", "x", ""),
        Arguments.of(null, "H2", "h2database", "", "", ""),
        Arguments.of("not a url", null, "other_sql", "", "", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("urls")
  void readsTheFactsTheConventionsAskFor(String url, String product, String system, String namespace, String address,
      String port) {
    assertEquals(new DatabaseFacts(system, namespace, address, port), JdbcUrl.facts(url, product));
  }

  @Test
  void connectionsToOneDatabaseShareOneInstance() {
    assertSame(JdbcUrl.facts("jdbc:h2:mem:a;X=1", null), JdbcUrl.facts("jdbc:h2:mem:a", "H2"));
  }
}
