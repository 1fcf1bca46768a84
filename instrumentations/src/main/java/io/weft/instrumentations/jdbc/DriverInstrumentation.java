package io.weft.instrumentations.jdbc;

import io.weft.instrumentations.weaving.ClassHeader;
import io.weft.instrumentations.weaving.ConcreteMethods;
import io.weft.instrumentations.weaving.TypeInstrumentation;
import java.util.Set;
import org.objectweb.asm.ClassVisitor;

/**
 * Every class that directly implements {@code java.sql.Driver}: its {@code connect(String,
 * Properties)} is the driver's own work, so the statements a driver runs while setting up a new
 * connection (SQLite's {@code PRAGMA}s) are not counted as the application's.
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
        ? new ConnectionInstrumentation.DriverWork(mv, header, access, name, descriptor)
        : null);
  }
}
