package io.weft.instrumentations.jdbc;

import io.weft.bootstrap.context.AgentThread;
import io.weft.bootstrap.context.CallDepth;
import io.weft.bootstrap.log.WeftLog;
import io.weft.instrumentations.weakstate.WeakIdentityMap;

/**
 * What code woven into JDBC statements and connections calls.
 *
 * <p>Executions ({@code execute*}, {@code executeBatch}, {@code executeLargeBatch}) are timed only
 * at the outermost level on a thread: a pool's statement proxy delegating to the driver's statement,
 * or a driver calling itself, counts once. {@code Connection.isValid} and {@code Driver.connect}
 * enter the same depth, so the queries a driver runs to validate or set up a connection are not
 * counted as the application's.
 *
 * <p>A prepared statement's SQL is remembered when it is prepared ({@link #prepared}), as the {@link
 * OperationSeries} it will record into; a plain statement's SQL is the executed argument. Either way
 * an execution costs one identity-map look-up, two clock reads and a histogram record, and allocates
 * nothing; the per-connection facts are resolved once per connection. No method here ever throws.
 */
public final class JdbcHooks {

  static final CallDepth DEPTH = new CallDepth();

  /** The series each statement records into, from its prepare or its first execution. */
  private static final WeakIdentityMap<OperationSeries> STATEMENTS = new WeakIdentityMap<>();
  /** A plain statement's {@code addBatch(sql)} texts so far, as what they have in common. */
  private static final WeakIdentityMap<SummarisedQuery> PENDING_BATCHES = new WeakIdentityMap<>();

  private JdbcHooks() {}

  /** On entry to an execution; returns the start time for the exit hook (0 when not outermost). */
  public static long enter() {
    if (AgentThread.isCurrent() || DEPTH.enter() != 0) {
      return 0L;
    }
    return System.nanoTime();
  }

  /**
   * On every exit from {@code execute}, {@code executeQuery}, {@code executeUpdate} or {@code
   * executeLargeUpdate}.
   *
   * @param sql the SQL argument, or null for a prepared statement's own
   */
  public static void exit(Throwable thrown, Object statement, String sql, long startNanos) {
    if (AgentThread.isCurrent() || DEPTH.exit() != 0) {
      return;
    }
    try {
      JdbcMetrics metrics = JdbcMetrics.current();
      if (metrics == null) {
        return;
      }
      OperationSeries known = known(statement, metrics);
      OperationSeries series = sql == null ? known
          : metrics.queries().get(sql).seriesFor(known.database, metrics);
      series.record(startNanos, thrown);
    } catch (Throwable t) {
      failed(t);
    }
  }

  /** On every exit from {@code executeBatch} or {@code executeLargeBatch}. */
  public static void exitBatch(Throwable thrown, Object statement, long startNanos) {
    if (AgentThread.isCurrent() || DEPTH.exit() != 0) {
      // Not outermost: a proxy's override calling its super method, or executeBatch calling
      // executeLargeBatch on the same statement. The outermost exit reads (and ends) the batch; a
      // driver statement's own copy behind a proxy is left to be collected with it.
      return;
    }
    try {
      SummarisedQuery pending = PENDING_BATCHES.get(statement);
      if (pending != null) {
        PENDING_BATCHES.remove(statement); // executed or failed, the batch is gone
      }
      JdbcMetrics metrics = JdbcMetrics.current();
      if (metrics == null) {
        return;
      }
      OperationSeries known = known(statement, metrics);
      SummarisedQuery batched = pending != null ? pending : known.query;
      batched.batch().seriesFor(known.database, metrics).record(startNanos, thrown);
    } catch (Throwable t) {
      failed(t);
    }
  }

  /**
   * After {@code Connection.prepareStatement(sql, ...)} or {@code prepareCall(sql, ...)} returned
   * {@code statement}. Cost: the SQL text's cache look-up and one map entry (allocated).
   */
  public static void prepared(Object statement, Object connection, String sql) {
    if (statement == null || AgentThread.isCurrent() || DEPTH.current() != 0) {
      return; // statements a driver prepares for itself while executing or validating are its own
    }
    DEPTH.enter();
    try {
      JdbcMetrics metrics = JdbcMetrics.current();
      if (metrics != null) {
        DatabaseFacts database = ConnectionFacts.of(connection);
        STATEMENTS.put(statement, metrics.queries().get(sql).seriesFor(database, metrics));
      }
    } catch (Throwable t) {
      failed(t);
    } finally {
      DEPTH.exit();
    }
  }

  /** After {@code Statement.addBatch(sql)} returned. */
  public static void batchAdded(Object statement, String sql) {
    if (AgentThread.isCurrent()) {
      return;
    }
    try {
      JdbcMetrics metrics = JdbcMetrics.current();
      if (metrics == null) {
        return;
      }
      SummarisedQuery added = metrics.queries().get(sql);
      SummarisedQuery pending = PENDING_BATCHES.get(statement);
      SummarisedQuery common = pending == null ? added : metrics.queries().common(pending, added);
      if (common != pending) {
        PENDING_BATCHES.put(statement, common);
      }
    } catch (Throwable t) {
      failed(t);
    }
  }

  /**
   * After {@code Statement.clearBatch()} returned. A clear inside an execution is the driver ending
   * its own batch (SQLite clears in {@code executeBatch}); the execution's exit reads it first.
   */
  public static void batchCleared(Object statement) {
    if (AgentThread.isCurrent() || DEPTH.current() != 0) {
      return;
    }
    try {
      if (PENDING_BATCHES.get(statement) != null) {
        PENDING_BATCHES.remove(statement);
      }
    } catch (Throwable t) {
      failed(t);
    }
  }

  /**
   * On entry to a driver's own work: {@code Connection.isValid} (drivers validate with queries of
   * their own) and {@code Driver.connect} (SQLite sets a new connection up with {@code PRAGMA}
   * statements). Executions inside are the driver's, not the application's, and are not counted.
   */
  public static void driverWorkStarted() {
    if (!AgentThread.isCurrent()) {
      DEPTH.enter();
    }
  }

  /**
   * Before a normal return from {@code Statement.close()}: forgets the statement, so the table holds
   * open statements only (instead of every statement since the last garbage collection).
   */
  public static void statementClosed(Object statement) {
    try {
      STATEMENTS.remove(statement);
      if (PENDING_BATCHES.get(statement) != null) {
        PENDING_BATCHES.remove(statement);
      }
    } catch (Throwable t) {
      failed(t);
    }
  }

  /** Whether a series is remembered for {@code statement}; for tests. */
  static boolean remembers(Object statement) {
    return STATEMENTS.get(statement) != null;
  }

  /** Before a normal return from {@code Connection.close()}: forgets the connection's facts. */
  public static void connectionClosed(Object connection) {
    try {
      ConnectionFacts.closed(connection);
    } catch (Throwable t) {
      failed(t);
    }
  }

  /**
   * On every exit from {@code Driver.connect(url, info)}: the driver's work ends, and a connection it
   * returned gets the facts its URL tells (see {@link ConnectionFacts#connected}).
   */
  public static void connected(Throwable thrown, Object connection, String url) {
    if (AgentThread.isCurrent()) {
      return;
    }
    DEPTH.exit();
    if (connection != null && url != null) {
      try {
        ConnectionFacts.connected(connection, url);
      } catch (Throwable t) {
        failed(t);
      }
    }
  }

  /** On every exit from a method that {@link #driverWorkStarted()} entered. */
  public static void driverWorkEnded(Throwable thrown) {
    if (!AgentThread.isCurrent()) {
      DEPTH.exit();
    }
  }

  /**
   * The series the statement was registered with, for the current metrics; a statement not seen
   * before (created by {@code createStatement}, or prepared before the agent) is registered now,
   * with its connection's facts and an unknown query. Cost when known: one identity-map look-up.
   */
  private static OperationSeries known(Object statement, JdbcMetrics metrics) {
    OperationSeries known = STATEMENTS.get(statement);
    if (known != null) {
      return known.metrics == metrics ? known : known.query.seriesFor(known.database, metrics);
    }
    DEPTH.enter(); // anything the driver runs to answer getConnection() or getMetaData() is not counted
    try {
      DatabaseFacts database;
      try {
        database = ConnectionFacts.of(JdbcCalls.connectionOf(statement));
      } catch (Throwable t) {
        database = DatabaseFacts.UNKNOWN;
      }
      OperationSeries series = SummarisedQuery.UNKNOWN.seriesFor(database, metrics);
      STATEMENTS.put(statement, series);
      return series;
    } finally {
      DEPTH.exit();
    }
  }

  private static void failed(Throwable t) {
    WeftLog.warnLimited("jdbc", "recording a JDBC statement failed; the statement is unaffected: " + t);
  }
}
