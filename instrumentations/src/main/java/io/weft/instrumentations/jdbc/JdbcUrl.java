package io.weft.instrumentations.jdbc;

import java.util.Locale;

/**
 * Reads {@link DatabaseFacts} from a JDBC URL: the system from the sub-protocol ({@code
 * jdbc:postgresql:} -> {@code postgresql}), the host, port and database name where the URL has them.
 * Credentials and properties in the URL are never kept.
 *
 * <pre>{@code
 * JdbcUrl.facts("jdbc:postgresql://db.example.com/shop?user=app", "PostgreSQL")
 * // postgresql, shop, db.example.com, 5432
 * }</pre>
 *
 * <p>Runs once per connection (or per distinct URL), never per statement.
 */
final class JdbcUrl {

  private JdbcUrl() {}

  /**
   * @param url the connection's URL, or null
   * @param productName {@code DatabaseMetaData.getDatabaseProductName()}, used when the URL does not
   *     tell the system; may be null
   */
  static DatabaseFacts facts(String url, String productName) {
    if (url == null || !url.regionMatches(true, 0, "jdbc:", 0, 5)) {
      return DatabaseFacts.of(systemFromProduct(productName), "", "", "");
    }
    String rest = url.substring(5);
    // Wrappers that put another URL inside: jdbc:p6spy:postgresql://..., jdbc:tc:postgresql:15://...
    for (String wrapper : new String[] {"p6spy:", "log4jdbc:", "otel:", "tc:"}) {
      if (rest.regionMatches(true, 0, wrapper, 0, wrapper.length())) {
        rest = rest.substring(wrapper.length());
      }
    }
    int colon = rest.indexOf(':');
    String subprotocol = (colon < 0 ? rest : rest.substring(0, colon)).toLowerCase(Locale.ROOT);
    String body = colon < 0 ? "" : rest.substring(colon + 1);
    String system = system(subprotocol, productName);
    return switch (system) {
      case "h2database" -> h2(body);
      case "sqlite" -> DatabaseFacts.of(system, beforeAny(body, "?"), "", "");
      case "hsqldb", "derby" -> embedded(system, body);
      default -> networked(system, body);
    };
  }

  private static String system(String subprotocol, String productName) {
    return switch (subprotocol) {
      case "postgresql", "pgsql" -> "postgresql";
      case "mysql" -> "mysql";
      case "mariadb" -> "mariadb";
      case "h2" -> "h2database";
      case "sqlite" -> "sqlite";
      case "hsqldb" -> "hsqldb";
      case "derby" -> "derby";
      case "oracle" -> "oracle.db";
      case "sqlserver", "jtds" -> "microsoft.sql_server";
      case "db2" -> "ibm.db2";
      case "clickhouse", "ch" -> "clickhouse";
      case "cockroachdb" -> "cockroachdb";
      case "trino" -> "trino";
      default -> systemFromProduct(productName);
    };
  }

  private static String systemFromProduct(String productName) {
    if (productName == null) {
      return "other_sql";
    }
    String p = productName.toLowerCase(Locale.ROOT);
    if (p.contains("postgres")) {
      return "postgresql";
    } else if (p.contains("mariadb")) {
      return "mariadb";
    } else if (p.contains("mysql")) {
      return "mysql";
    } else if (p.equals("h2")) {
      return "h2database";
    } else if (p.contains("sqlite")) {
      return "sqlite";
    } else if (p.contains("oracle")) {
      return "oracle.db";
    } else if (p.contains("microsoft sql server")) {
      return "microsoft.sql_server";
    }
    return "other_sql";
  }

  /** {@code mem:name}, {@code tcp://host:port/path}, {@code file:path}, {@code ~/path}; settings after {@code ;}. */
  private static DatabaseFacts h2(String body) {
    String b = beforeAny(body, ";");
    if (b.regionMatches(true, 0, "mem:", 0, 4)) {
      return DatabaseFacts.of("h2database", b.substring(4), "", "");
    }
    for (String remote : new String[] {"tcp:", "ssl:"}) {
      if (b.regionMatches(true, 0, remote, 0, remote.length())) {
        return networkedWithDefault("h2database", b.substring(remote.length()), "9092");
      }
    }
    if (b.regionMatches(true, 0, "file:", 0, 5)) {
      b = b.substring(5);
    }
    return DatabaseFacts.of("h2database", b, "", "");
  }

  private static DatabaseFacts embedded(String system, String body) {
    String b = beforeAny(body, ";");
    for (String mode : new String[] {"mem:", "file:", "memory:", "directory:"}) {
      if (b.regionMatches(true, 0, mode, 0, mode.length())) {
        return DatabaseFacts.of(system, b.substring(mode.length()), "", "");
      }
    }
    if (b.startsWith("//") || b.regionMatches(true, 0, "hsql:", 0, 5) || b.regionMatches(true, 0, "hsqls:", 0, 6)) {
      return networked(system, b.substring(b.indexOf("//") >= 0 ? b.indexOf("//") : 0));
    }
    return DatabaseFacts.of(system, b, "", "");
  }

  private static DatabaseFacts networked(String system, String body) {
    return networkedWithDefault(system, body, defaultPort(system));
  }

  /**
   * {@code //host[:port][,host2...]/database[?...]} or {@code database} alone (PostgreSQL's short
   * form). The first host is the one reported.
   */
  private static DatabaseFacts networkedWithDefault(String system, String body, String defaultPort) {
    String b = beforeAny(body, "?;");
    if (system.equals("oracle.db")) {
      return oracle(b);
    }
    if (!b.startsWith("//")) {
      return DatabaseFacts.of(system, b.startsWith("/") ? b.substring(1) : b, "", "");
    }
    b = b.substring(2);
    int slash = b.indexOf('/');
    String hosts = slash < 0 ? b : b.substring(0, slash);
    String database = slash < 0 ? "" : b.substring(slash + 1);
    if (system.equals("microsoft.sql_server")) {
      hosts = beforeAny(body.substring(2), ";");
      database = property(body, "databaseName");
    }
    int at = hosts.lastIndexOf('@');
    if (at >= 0) {
      hosts = hosts.substring(at + 1); // user:password@ never leaves this method
    }
    String first = beforeAny(hosts, ",");
    String host = first;
    String port = defaultPort;
    if (first.startsWith("[")) {
      int close = first.indexOf(']');
      host = close < 0 ? first.substring(1) : first.substring(1, close);
      if (close >= 0 && close + 1 < first.length() && first.charAt(close + 1) == ':') {
        port = first.substring(close + 2);
      }
    } else {
      int colon = first.indexOf(':');
      if (colon >= 0) {
        host = first.substring(0, colon);
        port = first.substring(colon + 1);
      }
    }
    return DatabaseFacts.of(system, database, host, host.isEmpty() ? "" : digitsOrEmpty(port));
  }

  /** {@code thin:@host:port/service}, {@code thin:@//host:port/service}, {@code thin:@host:port:sid}. */
  private static DatabaseFacts oracle(String body) {
    int at = body.indexOf('@');
    String b = at < 0 ? body : body.substring(at + 1);
    if (b.startsWith("//")) {
      b = b.substring(2);
    }
    if (b.startsWith("(")) {
      return DatabaseFacts.of("oracle.db", "", "", ""); // a TNS descriptor: not parsed
    }
    String[] hostPortRest = b.split("[:/]", 3);
    String host = hostPortRest[0];
    String port = hostPortRest.length > 1 ? digitsOrEmpty(hostPortRest[1]) : "1521";
    String service = hostPortRest.length > 2 ? hostPortRest[2] : "";
    return DatabaseFacts.of("oracle.db", service, host, port.isEmpty() ? "1521" : port);
  }

  private static String defaultPort(String system) {
    return switch (system) {
      case "postgresql" -> "5432";
      case "mysql", "mariadb" -> "3306";
      case "microsoft.sql_server" -> "1433";
      case "ibm.db2" -> "50000";
      case "oracle.db" -> "1521";
      case "cockroachdb" -> "26257";
      case "derby" -> "1527";
      case "hsqldb" -> "9001";
      case "clickhouse" -> "8123";
      default -> "";
    };
  }

  /** {@code ;name=value} from a SQL Server URL. */
  private static String property(String body, String name) {
    for (String part : body.split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0 && part.substring(0, eq).trim().equalsIgnoreCase(name)) {
        return part.substring(eq + 1).trim();
      }
    }
    return "";
  }

  private static String beforeAny(String s, String stops) {
    for (int i = 0; i < s.length(); i++) {
      if (stops.indexOf(s.charAt(i)) >= 0) {
        return s.substring(0, i);
      }
    }
    return s;
  }

  private static String digitsOrEmpty(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return "";
      }
    }
    return s;
  }
}
