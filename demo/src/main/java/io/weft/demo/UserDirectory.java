package io.weft.demo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The users table in an in-memory H2 database. Each look-up opens its own connection through
 * {@link DriverManager}, as a service without a pool would, so every request goes through the
 * JDBC driver's connect, prepare and execute paths.
 */
final class UserDirectory {
  private static final String URL = "jdbc:h2:mem:weftdemo;DB_CLOSE_DELAY=-1";

  private UserDirectory() {}

  /** Creates the table and a few users. */
  static UserDirectory create() throws SQLException {
    try (Connection connection = DriverManager.getConnection(URL);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE users (id BIGINT PRIMARY KEY, name VARCHAR(64) NOT NULL)");
      statement.executeUpdate("INSERT INTO users VALUES (1, 'ada'), (2, 'grace'), (3, 'edsger')");
    }
    return new UserDirectory();
  }

  Optional<String> nameOf(long id) throws SQLException {
    try (Connection connection = DriverManager.getConnection(URL);
        PreparedStatement query = connection.prepareStatement("SELECT name FROM users WHERE id = ?")) {
      query.setLong(1, id);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
      }
    }
  }
}
