package io.weft.instrumentations.weaving;

import java.util.function.Function;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites a constructor so that it calls a hook just before each {@code return}: the object is
 * then fully built as far as this class's constructor goes (a subclass constructor may still be
 * running). A constructor that throws calls nothing, so there is no handler and no stack-map frame
 * to add: the emitted code is straight-line and leaves the stack as it found it.
 *
 * <pre>{@code
 * ClassVisitor cv = ConstructorExit.everyConstructor(next, t -> new ConstructorExit(t.next()) {
 *   protected void emitExit() {
 *     visitVarInsn(ALOAD, 0);
 *     visitMethodInsn(INVOKESTATIC, HOOKS, "created", "(Ljava/lang/Object;)V", false);
 *   }
 * });
 * }</pre>
 *
 * <p>A constructor that delegates to another with {@code this(...)} returns too, so a class whose
 * constructors chain calls the hook once per constructor on the chain: hooks must be idempotent.
 */
public abstract class ConstructorExit extends MethodVisitor implements Opcodes {

  protected ConstructorExit(MethodVisitor next) {
    super(Opcodes.ASM9, next);
  }

  /** Emits the hook call; must leave the operand stack as it found it. */
  protected abstract void emitExit();

  @Override
  public void visitInsn(int opcode) {
    if (opcode == Opcodes.RETURN) {
      emitExit();
    }
    super.visitInsn(opcode);
  }

  /**
   * Every constructor of the class calls {@code hookOwner.hookName(this)} (descriptor {@code
   * (Ljava/lang/Object;)V}) before it returns: the common case of registering what was built.
   */
  public static ClassVisitor callWithThis(ClassVisitor next, String hookOwner, String hookName) {
    return everyConstructor(next, t -> new ConstructorExit(t.next()) {
      @Override
      protected void emitExit() {
        visitVarInsn(ALOAD, 0);
        visitMethodInsn(INVOKESTATIC, hookOwner, hookName, "(Ljava/lang/Object;)V", false);
      }
    });
  }

  /** Passes a class through unchanged except for its constructors, each wrapped by {@code wrap}. */
  public static ClassVisitor everyConstructor(ClassVisitor next, Function<MethodSelector.Target, MethodVisitor> wrap) {
    return new ClassVisitor(Opcodes.ASM9, next) {
      private String owner;
      private int version;

      @Override
      public void visit(int version, int access, String name, String signature, String superName,
          String[] interfaces) {
        this.owner = name;
        this.version = version;
        super.visit(version, access, name, signature, superName, interfaces);
      }

      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
          String[] exceptions) {
        MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
        if (mv != null && "<init>".equals(name)) {
          return wrap.apply(new MethodSelector.Target(mv, owner, access, name, descriptor, version));
        }
        return mv;
      }
    };
  }
}
