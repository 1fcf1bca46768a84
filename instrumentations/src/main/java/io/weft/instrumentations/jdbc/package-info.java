/**
 * JDBC metrics ({@code db.client.operation.duration}): the SQL summariser, per-connection database
 * facts, the hooks woven code calls, and the type instrumentations for statements and connections.
 * Switched off as a whole by {@code WEFT_INSTRUMENTATION_JDBC_ENABLED=false}.
 *
 * <p>Loaded on the bootstrap class path: {@code java.sql} types (a platform module) and driver types
 * are reached through method handles resolved once, never named in signatures. Depends on {@code
 * io.weft.bootstrap} and the weaving package; never on a driver, a pool or an exporter.
 */
package io.weft.instrumentations.jdbc;
