package io.weft.instrumentations.weaving;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites a method so that it calls a hook on entry and nothing else: for events that need no
 * timing and no outcome (a task handed to an executor, a task rejected). The emitted code is
 * straight-line, uses no new local and leaves the stack empty, so no stack-map frame changes and
 * no handler is added; the method's own code follows unchanged. Never for constructors, where
 * {@code this} is not usable on entry.
 *
 * <pre>{@code
 * new MethodSelector(next, "reject", "(Ljava/lang/Runnable;)V", t -> new MethodEntry(t) {
 *   protected void emitEnter() {
 *     visitVarInsn(ALOAD, 1);
 *     visitVarInsn(ALOAD, 0);
 *     visitMethodInsn(INVOKESTATIC, HOOKS, "rejected", "(Ljava/lang/Object;Ljava/lang/Object;)V", false);
 *   }
 * });
 * }</pre>
 */
public abstract class MethodEntry extends MethodVisitor implements Opcodes {

  protected MethodEntry(MethodSelector.Target target) {
    super(Opcodes.ASM9, target.next());
    if ("<init>".equals(target.name())) {
      throw new IllegalArgumentException("constructors have no usable entry: " + target.owner() + "." + target.name());
    }
  }

  /** Emits the hook call; must leave the operand stack empty. */
  protected abstract void emitEnter();

  @Override
  public void visitCode() {
    super.visitCode();
    emitEnter();
  }
}
