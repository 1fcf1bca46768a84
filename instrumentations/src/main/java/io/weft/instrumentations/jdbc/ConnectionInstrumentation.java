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
 * Every JDBC connection class that directly implements {@code java.sql.Connection}, plus
 * PostgreSQL's {@code PgConnection} (which implements it through its own {@code BaseConnection})
 * and SQLite's {@code JDBC3Connection} and {@code JDBC4Connection} (which inherit it).
 *
 * <p>Woven: {@code prepareStatement(String, ...)} and {@code prepareCall(String, ...)}, which hand the
 * returned statement and its SQL to {@link JdbcHooks#prepared}; and {@code isValid(int)}, inside which
 * nothing is counted (drivers validate with queries of their own).
 */
public final class ConnectionInstrumentation implements TypeInstrumentation {

  static final Set<String> DRIVER_CLASSES = Set.of(
      "org/postgresql/jdbc/PgConnection",
      "org/sqlite/jdbc3/JDBC3Connection",
      "org/sqlite/jdbc4/JDBC4Connection");

  @Override
  public Set<String> typeNames() {
    return DRIVER_CLASSES;
  }

  @Override
  public Set<String> directSupertypes() {
    return Set.of("java/sql/Connection");
  }

  @Override
  public ClassVisitor rewrite(ClassVisitor next, ClassHeader header) {
    return new ConcreteMethods(next, (mv, access, name, descriptor) -> {
      if ((name.equals("prepareStatement") || name.equals("prepareCall"))
          && descriptor.startsWith("(Ljava/lang/String;") && descriptor.endsWith(";")) {
        return new Prepare(mv, access, name, descriptor);
      }
      if (name.equals("isValid") && descriptor.equals("(I)Z")) {
        return new DriverWork(mv, header, access, name, descriptor);
      }
      if (ThisOnReturn.isClose(name, descriptor)) {
        return new ThisOnReturn(mv, access, name, descriptor, "connectionClosed");
      }
      return null;
    });
  }

  /** Before each normal return: {@code prepared(returned, this, sql)}. */
  private static final class Prepare extends ReturnHookedMethod {
    private int connection;
    private int sql;

    Prepare(MethodVisitor next, int access, String name, String descriptor) {
      super(next, access, name, descriptor);
    }

    @Override
    protected void emitEnter() {
      connection = newLocal(Type.getType(Object.class));
      sql = newLocal(Type.getType(String.class));
      loadThis();
      storeLocal(connection);
      loadArg(0);
      storeLocal(sql); // drivers rewrite their own argument (H2 translates JDBC escapes): keep what the caller passed
    }

    @Override
    protected void emitBeforeReturn(int opcode) {
      // stack: the returned statement
      dup();
      loadLocal(connection);
      loadLocal(sql);
      visitMethodInsn(INVOKESTATIC, StatementInstrumentation.HOOKS, "prepared",
          "(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/String;)V", false);
    }
  }

  /** {@code driverWorkStarted(); ... driverWorkEnded(thrown);}: nothing inside is counted. */
  static final class DriverWork extends HookedMethod {
    DriverWork(MethodVisitor next, ClassHeader header, int access, String name, String descriptor) {
      super(next, header.name(), access, name, descriptor, header.version());
    }

    @Override
    protected void emitEnter() {
      visitMethodInsn(INVOKESTATIC, StatementInstrumentation.HOOKS, "driverWorkStarted", "()V", false);
    }

    @Override
    protected void emitExit() {
      visitMethodInsn(INVOKESTATIC, StatementInstrumentation.HOOKS, "driverWorkEnded", "(Ljava/lang/Throwable;)V",
          false);
    }
  }
}
