package io.weft.instrumentations.jdbc;

/**
 * {@code error.type} and {@code db.response.status_code} for a statement that threw.
 *
 * <ul>
 *   <li>{@code error.type}: the SQLSTATE class (its first two characters, {@code 42} for syntax errors
 *       and unknown tables, {@code 23} for constraint violations) when the driver sets a SQLSTATE;
 *       otherwise the exception's class name ({@code org.sqlite.SQLiteException}).
 *   <li>{@code db.response.status_code}: the full SQLSTATE ({@code 42P01}) when set; otherwise the
 *       driver's vendor error code when it is not 0; otherwise empty.
 * </ul>
 *
 * <p>Runs only when a statement failed; allocates at most a short string.
 */
final class SqlErrors {

  private SqlErrors() {}

  /** {@code [error.type, db.response.status_code]} for what a statement threw. */
  static String[] attributes(Throwable thrown) {
    if (!JdbcCalls.isSqlException(thrown)) {
      return new String[] {thrown.getClass().getName(), ""};
    }
    String state = null;
    int code = 0;
    try {
      state = JdbcCalls.sqlState(thrown);
      code = JdbcCalls.errorCode(thrown);
    } catch (Throwable ignored) {
      // a driver's exception that fails to answer: its class name still says what it was
    }
    if (state != null && state.length() == 5) {
      return new String[] {state.substring(0, 2), state};
    }
    return new String[] {thrown.getClass().getName(), code != 0 ? Integer.toString(code) : ""};
  }
}
