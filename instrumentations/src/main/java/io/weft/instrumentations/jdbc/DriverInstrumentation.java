package io.weft.instrumentations.jdbc;

import io.weft.instrumentations.weaving.ClassHeader;
import io.weft.instrumentations.weaving.ConcreteMethods;
import io.weft.instrumentations.weaving.ResultHookedMethod;
import io.weft.instrumentations.weaving.TypeInstrumentation;
import java.util.Set;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Every class that directly implements {@code java.sql.Driver}: its {@code connect(String,
 * Properties)} is the driver's own work, so the statements a driver runs while setting up a new
 * connection (SQLite's {@code PRAGMA}s) are not counted as the application's; and the URL it was
 * given tells the new connection's database facts, so no metadata call is needed for them later.
 */
public final class DriverInstrumentation implements TypeInstrumentation {

  private static final String CONNECT = "(Ljava/lang/String;Ljava/util/Properties;)Ljava/sql/Connection;";

  @Override
  public Set<String> directSupertypes() {
    return Set.of("java/sql/Driver");
  }

  @Override
  public ClassVisitor rewrite(ClassVisitor next, ClassHeader header) {
    return new ConcreteMethods(next, (mv, access, name, descriptor) -> name.equals("connect") && descriptor.equals(CONNECT)
        ? new Connect(mv, header, access, name, descriptor)
        : null);
  }

  /**
   * {@code connect(url, info)}: the driver's work ({@link JdbcHooks#driverWorkStarted()} on entry), and
   * on exit {@link JdbcHooks#connected} with the connection returned (null when the URL was not the
   * driver's, or on a throw) and the URL, copied on entry in case the method reassigns its parameter.
   */
  static final class Connect extends ResultHookedMethod {
    private int url = -1;

    Connect(MethodVisitor next, ClassHeader header, int access, String name, String descriptor) {
      super(next, header.name(), access, name, descriptor, header.version());
    }

    @Override
    protected void emitEnter() {
      url = newLocal(Type.getType(String.class));
      loadArg(0);
      storeLocal(url);
      visitMethodInsn(INVOKESTATIC, StatementInstrumentation.HOOKS, "driverWorkStarted", "()V", false);
    }

    @Override
    protected void emitExit() {
      loadResult();
      loadLocal(url);
      visitMethodInsn(INVOKESTATIC, StatementInstrumentation.HOOKS, "connected",
          "(Ljava/lang/Throwable;Ljava/lang/Object;Ljava/lang/String;)V", false);
    }
  }
}
