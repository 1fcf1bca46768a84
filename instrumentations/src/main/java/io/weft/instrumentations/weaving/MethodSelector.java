package io.weft.instrumentations.weaving;

import java.util.function.Function;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Passes a class through unchanged except for the methods with one name and descriptor, whose
 * visitor it wraps. Abstract and native methods are left alone (they have no code to wrap).
 */
public final class MethodSelector extends ClassVisitor {

  /** What the wrapping needs to know about the method. */
  public record Target(MethodVisitor next, String owner, int access, String name, String descriptor,
      int classVersion) {}

  private final String name;
  private final String descriptor;
  private final Function<Target, MethodVisitor> wrap;
  private String owner;
  private int version;

  public MethodSelector(ClassVisitor next, String name, String descriptor, Function<Target, MethodVisitor> wrap) {
    super(Opcodes.ASM9, next);
    this.name = name;
    this.descriptor = descriptor;
    this.wrap = wrap;
  }

  @Override
  public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
    this.owner = name;
    this.version = version;
    super.visit(version, access, name, signature, superName, interfaces);
  }

  @Override
  public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
    MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
    if (mv != null && name.equals(this.name) && descriptor.equals(this.descriptor)
        && (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0) {
      return wrap.apply(new Target(mv, owner, access, name, descriptor, version));
    }
    return mv;
  }
}
