package io.weft.instrumentations.jdbc;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The few {@code java.sql} calls the hooks make, through method handles resolved once from the
 * platform class loader ({@code java.sql} is a platform module; this class is on the bootstrap class
 * path and cannot name its types). The handles are on the interfaces, so they work for every
 * driver's and pool's classes alike. Static final handles are constants to the JIT: each call costs
 * about what a direct interface call does.
 *
 * <p>None of these run per execution: they resolve facts about a connection once, or read a failed
 * statement's exception.
 */
final class JdbcCalls {

  private static final Class<?> CONNECTION;
  private static final Class<?> SQL_EXCEPTION;
  private static final MethodHandle GET_CONNECTION;
  private static final MethodHandle UNWRAP;
  private static final MethodHandle GET_META_DATA;
  private static final MethodHandle GET_URL;
  private static final MethodHandle GET_PRODUCT_NAME;
  private static final MethodHandle GET_SQL_STATE;
  private static final MethodHandle GET_ERROR_CODE;

  static {
    try {
      ClassLoader platform = ClassLoader.getPlatformClassLoader();
      CONNECTION = Class.forName("java.sql.Connection", false, platform);
      Class<?> statement = Class.forName("java.sql.Statement", false, platform);
      Class<?> wrapper = Class.forName("java.sql.Wrapper", false, platform);
      Class<?> metaData = Class.forName("java.sql.DatabaseMetaData", false, platform);
      SQL_EXCEPTION = Class.forName("java.sql.SQLException", false, platform);
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      MethodType objectToObject = MethodType.methodType(Object.class, Object.class);
      MethodType objectToString = MethodType.methodType(String.class, Object.class);
      GET_CONNECTION = lookup.findVirtual(statement, "getConnection", MethodType.methodType(CONNECTION))
          .asType(objectToObject);
      UNWRAP = lookup.findVirtual(wrapper, "unwrap", MethodType.methodType(Object.class, Class.class))
          .asType(MethodType.methodType(Object.class, Object.class, Class.class));
      GET_META_DATA = lookup.findVirtual(CONNECTION, "getMetaData", MethodType.methodType(metaData))
          .asType(objectToObject);
      GET_URL = lookup.findVirtual(metaData, "getURL", MethodType.methodType(String.class)).asType(objectToString);
      GET_PRODUCT_NAME = lookup.findVirtual(metaData, "getDatabaseProductName", MethodType.methodType(String.class))
          .asType(objectToString);
      GET_SQL_STATE = lookup.findVirtual(SQL_EXCEPTION, "getSQLState", MethodType.methodType(String.class))
          .asType(MethodType.methodType(String.class, Throwable.class));
      GET_ERROR_CODE = lookup.findVirtual(SQL_EXCEPTION, "getErrorCode", MethodType.methodType(int.class))
          .asType(MethodType.methodType(int.class, Throwable.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private JdbcCalls() {}

  /** {@code statement.getConnection()}. */
  static Object connectionOf(Object statement) throws Throwable {
    return GET_CONNECTION.invokeExact(statement);
  }

  /**
   * The connection a pool's proxy wraps ({@code unwrap(Connection.class)}): HikariCP answers with the
   * driver's connection; others answer with the proxy itself. Null if unwrapping fails.
   */
  static Object unwrapConnection(Object connection) {
    try {
      return UNWRAP.invokeExact(connection, CONNECTION);
    } catch (Throwable t) {
      return null;
    }
  }

  /** {@code connection.getMetaData().getURL()} and {@code getDatabaseProductName()}, as {@code [url, product]}. */
  static String[] urlAndProduct(Object connection) throws Throwable {
    Object metaData = GET_META_DATA.invokeExact(connection);
    String url = (String) GET_URL.invokeExact(metaData);
    String product;
    try {
      product = (String) GET_PRODUCT_NAME.invokeExact(metaData);
    } catch (Throwable t) {
      product = null;
    }
    return new String[] {url, product};
  }

  static boolean isSqlException(Throwable t) {
    return SQL_EXCEPTION.isInstance(t);
  }

  /** {@code getSQLState()} of an {@link #isSqlException SQLException}. */
  static String sqlState(Throwable sqlException) throws Throwable {
    return (String) GET_SQL_STATE.invokeExact(sqlException);
  }

  /** {@code getErrorCode()} of an {@link #isSqlException SQLException}. */
  static int errorCode(Throwable sqlException) throws Throwable {
    return (int) GET_ERROR_CODE.invokeExact(sqlException);
  }
}
