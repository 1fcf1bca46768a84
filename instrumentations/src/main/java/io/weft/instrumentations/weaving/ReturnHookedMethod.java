package io.weft.instrumentations.weaving;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.AdviceAdapter;

/**
 * Rewrites one method or constructor so that it calls a hook just before each normal return, with
 * the return value still on the stack; exceptional exits are left alone (no handler is added). For
 * a constructor, {@link #emitEnter()} runs right after the {@code super(...)} or {@code this(...)}
 * call and the hook before each {@code RETURN}, when the object is complete.
 *
 * <p>For facts that only a successful call yields: the statement {@code prepareStatement} returned,
 * a pool that finished constructing. The rules of {@link HookedMethod} apply: hooks are static
 * methods on bootstrap-visible classes that never throw, woven code has no branches, and every new
 * local is assigned in {@link #emitEnter()}.
 */
public abstract class ReturnHookedMethod extends AdviceAdapter {

  protected ReturnHookedMethod(MethodVisitor next, int access, String name, String descriptor) {
    super(Opcodes.ASM9, next, access, name, descriptor);
  }

  /** Emits code on entry (after the super constructor call in a constructor); nothing by default. */
  protected void emitEnter() {}

  /**
   * Emits the hook call before a return instruction. The stack holds the return value, if the
   * method has one; the emitted code must leave the stack as it found it.
   *
   * @param opcode the return instruction: {@code RETURN}, {@code ARETURN}, {@code IRETURN}, ...
   */
  protected abstract void emitBeforeReturn(int opcode);

  @Override
  protected final void onMethodEnter() {
    emitEnter();
  }

  @Override
  protected final void onMethodExit(int opcode) {
    if (opcode != ATHROW) {
      emitBeforeReturn(opcode);
    }
  }
}
