package io.weft.smoke.apps;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.dbcp2.BasicDataSource;

/**
 * A scripted JDBC workload with known numbers of each operation per table, run in a forked JVM with
 * the agent. For each database given as an argument ({@code h2}, {@code sqlite:<directory>}, {@code
 * postgresql:<url of the postgres database>}) it runs {@link #script} three times, each in its own
 * database named after how it connects: {@code direct} (DriverManager), {@code hikari} (a HikariCP
 * pool named {@code hikari-<system>}) and {@code dbcp2} (Apache Commons DBCP2). Then, once, the
 * pool cases: a pool that times out and a pool that closes. Prints {@code workload done} and stays up
 * to be scraped.
 *
 * <p>Each line of what a failing statement threw is printed as {@code failure <mode> <class>
 * <SQLState>}, so the test can check the application saw the driver's own exception.
 */
public final class JdbcWorkload {

  /** Per script: connections borrowed, one per step. */
  public static final int BORROWS_PER_SCRIPT = 9;

  /** Opens a connection. */
  interface Connections {
    Connection open() throws SQLException;
  }

  private JdbcWorkload() {}

  public static void main(String[] args) throws Exception {
    List<AutoCloseable> pools = new ArrayList<>();
    for (String target : args) {
      String[] parts = target.split(":", 2);
      String system = parts[0];
      String where = parts.length > 1 ? parts[1] : "";
      for (String mode : List.of("direct", "hikari", "dbcp2")) {
        String url = url(system, where, mode);
        Connections connections;
        switch (mode) {
          case "direct" -> connections = () -> DriverManager.getConnection(url);
          case "hikari" -> {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url);
            config.setPoolName("hikari-" + system);
            config.setMaximumPoolSize(3);
            config.setMinimumIdle(1);
            HikariDataSource pool = new HikariDataSource(config);
            pools.add(pool);
            connections = pool::getConnection;
          }
          default -> {
            BasicDataSource pool = new BasicDataSource();
            pool.setUrl(url);
            pools.add(pool);
            connections = pool::getConnection;
          }
        }
        script(mode, connections);
      }
    }
    poolCases();
    System.out.println("workload done");
    System.out.flush();
    Thread.currentThread().join(); // stays up to be scraped until the test stops it
  }

  private static String url(String system, String where, String mode) throws SQLException {
    return switch (system) {
      case "h2" -> "jdbc:h2:mem:" + mode + ";DB_CLOSE_DELAY=-1";
      case "sqlite" -> "jdbc:sqlite:" + where + "/" + mode + ".db";
      case "postgresql" -> {
        try (Connection admin = DriverManager.getConnection(where); Statement s = admin.createStatement()) {
          s.execute("CREATE DATABASE " + mode);
        }
        yield where.replace("/postgres?", "/" + mode + "?");
      }
      default -> throw new IllegalArgumentException("unknown database " + system);
    };
  }

  /**
   * The script: per run, on tables users and orders, CREATE TABLE x2, INSERT users x5, BATCH INSERT
   * orders x1 (prepared, four rows), SELECT users x7 (a new prepared statement each time), SELECT
   * users JOIN orders x2, UPDATE users x3, DELETE orders x1, SELECT missing_table x1 (fails), and a
   * plain statement's batch of an INSERT into each table x1: 23 executions, 9 connections borrowed.
   */
  static void script(String mode, Connections connections) throws SQLException {
    try (Connection c = connections.open(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(64))");
      s.execute("CREATE TABLE orders (id INT PRIMARY KEY, user_id INT, total INT)");
    }
    try (Connection c = connections.open();
        PreparedStatement insert = c.prepareStatement("INSERT INTO users (id, name) VALUES (?, ?)")) {
      for (int id = 1; id <= 5; id++) {
        insert.setInt(1, id);
        insert.setString(2, "user" + id);
        insert.executeUpdate();
      }
    }
    try (Connection c = connections.open();
        PreparedStatement insert = c.prepareStatement("INSERT INTO orders (id, user_id, total) VALUES (?, ?, ?)")) {
      for (int id = 1; id <= 4; id++) {
        insert.setInt(1, id);
        insert.setInt(2, id);
        insert.setInt(3, 10 * id);
        insert.addBatch();
      }
      insert.executeBatch();
    }
    try (Connection c = connections.open()) {
      for (int i = 0; i < 7; i++) {
        try (PreparedStatement select = c.prepareStatement("SELECT name FROM users WHERE id = ?")) {
          select.setInt(1, 1 + i % 5);
          try (ResultSet rows = select.executeQuery()) {
            require(rows.next(), "user " + (1 + i % 5));
          }
        }
      }
    }
    try (Connection c = connections.open(); Statement s = c.createStatement()) {
      for (int i = 0; i < 2; i++) {
        try (ResultSet rows = s.executeQuery("SELECT u.name, o.total FROM users u JOIN orders o ON o.user_id = u.id")) {
          require(rows.next(), "a joined row");
        }
      }
    }
    try (Connection c = connections.open();
        PreparedStatement update = c.prepareStatement("UPDATE users SET name = ? WHERE id = ?")) {
      for (int id = 1; id <= 3; id++) {
        update.setString(1, "renamed" + id);
        update.setInt(2, id);
        update.executeUpdate();
      }
    }
    try (Connection c = connections.open(); Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM orders WHERE total < 0");
    }
    try (Connection c = connections.open(); Statement s = c.createStatement()) {
      s.executeQuery("SELECT * FROM missing_table");
      throw new IllegalStateException("SELECT from a missing table succeeded");
    } catch (SQLException e) {
      System.out.println("failure " + mode + " " + e.getClass().getName() + " " + e.getSQLState());
    }
    try (Connection c = connections.open(); Statement s = c.createStatement()) {
      s.addBatch("INSERT INTO users (id, name) VALUES (100, 'batched')");
      s.addBatch("INSERT INTO orders (id, user_id, total) VALUES (100, 100, 1)");
      s.executeBatch();
    }
  }

  /**
   * {@code hikari-timeout}: one connection, held while a second is asked for, which times out once.
   * {@code hikari-closed}: used once, then closed, so it must leave the output.
   */
  private static void poolCases() throws SQLException {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:pools;DB_CLOSE_DELAY=-1");
    config.setPoolName("hikari-timeout");
    config.setMaximumPoolSize(1);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(250);
    HikariDataSource timeout = new HikariDataSource(config);
    try (Connection held = timeout.getConnection()) {
      try (Connection second = timeout.getConnection()) {
        throw new IllegalStateException("a second connection from a pool of one");
      } catch (SQLTransientConnectionException expected) {
        System.out.println("timed out as expected");
      }
    }
    config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:pools;DB_CLOSE_DELAY=-1");
    config.setPoolName("hikari-closed");
    try (HikariDataSource closed = new HikariDataSource(config); Connection c = closed.getConnection()) {
      require(c.isValid(1), "a valid connection");
    }
  }

  private static void require(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException("missing: " + what);
    }
  }
}
