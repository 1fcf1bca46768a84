package io.weft.instrumentations.weaving;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Passes a class through, offering each method that has code of its own to a chooser that may wrap
 * it: for instrumentations that rewrite several methods of a class, picked by name and descriptor.
 * Abstract and native methods have no code; bridges and other synthetic methods call the method
 * they stand for, which is offered itself; static methods are never JDBC or pool API.
 *
 * <pre>{@code
 * return new ConcreteMethods(next, (mv, access, name, descriptor) ->
 *     name.equals("isValid") ? new DriverWork(mv, header, access, name, descriptor) : null);
 * }</pre>
 */
public final class ConcreteMethods extends ClassVisitor {

  /** Chooses the wrapper for one method, or returns null to leave it unchanged. */
  @FunctionalInterface
  public interface Chooser {
    MethodVisitor wrap(MethodVisitor next, int access, String name, String descriptor);
  }

  private static final int SKIPPED =
      Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_BRIDGE | Opcodes.ACC_SYNTHETIC | Opcodes.ACC_STATIC;

  private final Chooser chooser;

  public ConcreteMethods(ClassVisitor next, Chooser chooser) {
    super(Opcodes.ASM9, next);
    this.chooser = chooser;
  }

  @Override
  public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
    MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
    if (mv == null || (access & SKIPPED) != 0) {
      return mv;
    }
    MethodVisitor wrapped = chooser.wrap(mv, access, name, descriptor);
    return wrapped != null ? wrapped : mv;
  }
}
