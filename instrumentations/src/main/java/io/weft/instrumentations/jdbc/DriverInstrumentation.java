package io.weft.instrumentations.jdbc;

import io.weft.instrumentations.weaving.ClassHeader;
import io.weft.instrumentations.weaving.TypeInstrumentation;
import java.util.Set;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

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
    return new ClassVisitor(Opcodes.ASM9, next) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
          String[] exceptions) {
        MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
        if (mv != null && (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_STATIC)) == 0
            && name.equals("connect") && descriptor.equals(CONNECT)) {
          return new ConnectionInstrumentation.DriverWork(mv, header, access, name, descriptor);
        }
        return mv;
      }
    };
  }
}
