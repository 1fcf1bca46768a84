package io.weft.instrumentations.jdbc;

import io.weft.instrumentations.weaving.ClassHeader;
import io.weft.instrumentations.weaving.ConcreteMethods;
import io.weft.instrumentations.weaving.HookedMethod;
import io.weft.instrumentations.weaving.ReturnHookedMethod;
import io.weft.instrumentations.weaving.TypeInstrumentation;
import java.util.Set;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Every JDBC statement class: those that directly implement {@code java.sql.Statement}, {@code
 * PreparedStatement} or {@code CallableStatement} (drivers' statements, pools' proxies and
 * wrappers), plus drivers whose executing methods live in a class that implements them only
 * through a driver interface or a subclass ({@link #DRIVER_CLASSES}). A subclass that merely
 * inherits an execute method runs the instrumented one.
 *
 * <p>Woven: every {@code execute}, {@code executeQuery}, {@code executeUpdate}, {@code
 * executeLargeUpdate} (with or without SQL), {@code executeBatch} and {@code executeLargeBatch}, timed
 * by {@link JdbcHooks#enter()} and {@link JdbcHooks#exit}; {@code addBatch(String)} and {@code
 * clearBatch()} remember the texts of a plain statement's batch.
 */
public final class StatementInstrumentation implements TypeInstrumentation {

  static final String HOOKS = Type.getInternalName(JdbcHooks.class);

  /**
   * Statement classes that define execute methods without directly implementing a {@code java.sql}
   * statement interface: SQLite's {@code JDBC3Statement}, {@code JDBC3PreparedStatement} and {@code
   * CorePreparedStatement} leave the interfaces to their {@code JDBC4} subclasses. PostgreSQL's
   * {@code PgStatement} implements {@code Statement} directly in 42.7, but is named for versions
   * where it implements only its own {@code BaseStatement}.
   */
  static final Set<String> DRIVER_CLASSES = Set.of(
      "org/postgresql/jdbc/PgStatement",
      "org/sqlite/jdbc3/JDBC3Statement",
      "org/sqlite/jdbc3/JDBC3PreparedStatement",
      "org/sqlite/core/CorePreparedStatement");

  @Override
  public Set<String> typeNames() {
    return DRIVER_CLASSES;
  }

  @Override
  public Set<String> directSupertypes() {
    return Set.of("java/sql/Statement", "java/sql/PreparedStatement", "java/sql/CallableStatement");
  }

  @Override
  public ClassVisitor rewrite(ClassVisitor next, ClassHeader header) {
    return new ConcreteMethods(next, (mv, access, name, descriptor) -> {
      String arguments = descriptor.substring(0, descriptor.indexOf(')') + 1);
      if (EXECUTE.contains(name) && (arguments.equals("()") || SQL_ARGUMENTS.contains(arguments))) {
        return new Execute(mv, header, access, name, descriptor, !arguments.equals("()"));
      }
      if (BATCH.contains(name) && arguments.equals("()")) {
        return new ExecuteBatch(mv, header, access, name, descriptor);
      }
      if (name.equals("addBatch") && descriptor.equals("(Ljava/lang/String;)V")) {
        return new BatchAdded(mv, access, name, descriptor);
      }
      if (name.equals("clearBatch") && descriptor.equals("()V")) {
        return new ThisOnReturn(mv, access, name, descriptor, "batchCleared");
      }
      if (ThisOnReturn.isClose(name, descriptor)) {
        return new ThisOnReturn(mv, access, name, descriptor, "statementClosed");
      }
      return null;
    });
  }

  private static final Set<String> EXECUTE = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate");
  private static final Set<String> BATCH = Set.of("executeBatch", "executeLargeBatch");
  private static final Set<String> SQL_ARGUMENTS = Set.of("(Ljava/lang/String;)", "(Ljava/lang/String;I)",
      "(Ljava/lang/String;[I)", "(Ljava/lang/String;[Ljava/lang/String;)");

  /** {@code long start = enter(); ... exit(thrown, this, sql-or-null, start);} */
  private static final class Execute extends HookedMethod {
    private final boolean hasSql;
    private int statement;
    private int sql;
    private int start;

    Execute(MethodVisitor next, ClassHeader header, int access, String name, String descriptor, boolean hasSql) {
      super(next, header.name(), access, name, descriptor, header.version());
      this.hasSql = hasSql;
    }

    @Override
    protected void emitEnter() {
      statement = newLocal(Type.getType(Object.class));
      sql = newLocal(Type.getType(String.class));
      start = newLocal(Type.LONG_TYPE);
      loadThis();
      storeLocal(statement);
      if (hasSql) {
        loadArg(0);
      } else {
        visitInsn(ACONST_NULL);
      }
      storeLocal(sql);
      visitMethodInsn(INVOKESTATIC, HOOKS, "enter", "()J", false);
      storeLocal(start);
    }

    @Override
    protected void emitExit() {
      // stack: thrown-or-null
      loadLocal(statement);
      loadLocal(sql);
      loadLocal(start);
      visitMethodInsn(INVOKESTATIC, HOOKS, "exit", "(Ljava/lang/Throwable;Ljava/lang/Object;Ljava/lang/String;J)V",
          false);
    }
  }

  /** {@code long start = enter(); ... exitBatch(thrown, this, start);} */
  private static final class ExecuteBatch extends HookedMethod {
    private int statement;
    private int start;

    ExecuteBatch(MethodVisitor next, ClassHeader header, int access, String name, String descriptor) {
      super(next, header.name(), access, name, descriptor, header.version());
    }

    @Override
    protected void emitEnter() {
      statement = newLocal(Type.getType(Object.class));
      start = newLocal(Type.LONG_TYPE);
      loadThis();
      storeLocal(statement);
      visitMethodInsn(INVOKESTATIC, HOOKS, "enter", "()J", false);
      storeLocal(start);
    }

    @Override
    protected void emitExit() {
      loadLocal(statement);
      loadLocal(start);
      visitMethodInsn(INVOKESTATIC, HOOKS, "exitBatch", "(Ljava/lang/Throwable;Ljava/lang/Object;J)V", false);
    }
  }

  /** {@code addBatch(sql)}: before a normal return, {@code batchAdded(this, sql)}. */
  private static final class BatchAdded extends ReturnHookedMethod {
    private int statement;
    private int sql;

    BatchAdded(MethodVisitor next, int access, String name, String descriptor) {
      super(next, access, name, descriptor);
    }

    @Override
    protected void emitEnter() {
      statement = newLocal(Type.getType(Object.class));
      sql = newLocal(Type.getType(String.class));
      loadThis();
      storeLocal(statement);
      loadArg(0);
      storeLocal(sql);
    }

    @Override
    protected void emitBeforeReturn(int opcode) {
      loadLocal(statement);
      loadLocal(sql);
      visitMethodInsn(INVOKESTATIC, HOOKS, "batchAdded", "(Ljava/lang/Object;Ljava/lang/String;)V", false);
    }
  }
}
