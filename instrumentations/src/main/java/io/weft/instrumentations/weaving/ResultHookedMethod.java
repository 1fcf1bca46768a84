package io.weft.instrumentations.weaving;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * A {@link HookedMethod} for methods returning a reference, whose exit hook also needs what was
 * returned (a response, a future). Before each {@code ARETURN} the returned value is copied into a
 * local that {@link #loadResult()} reads in {@link #emitExit()}; on the exceptional exit that local
 * is still null.
 *
 * <p>Same rules as {@link HookedMethod}: the local is assigned on entry, before any frame of the
 * original code, and the copy is straight-line ({@code dup; astore}).
 */
public abstract class ResultHookedMethod extends HookedMethod {

  private int result = -1;

  protected ResultHookedMethod(MethodVisitor next, String owner, int access, String name, String descriptor,
      int classVersion) {
    super(next, owner, access, name, descriptor, classVersion);
    int sort = Type.getReturnType(descriptor).getSort();
    if (sort != Type.OBJECT && sort != Type.ARRAY) {
      throw new IllegalArgumentException("not a method returning a reference: " + owner + "." + name + descriptor);
    }
  }

  @Override
  protected void onMethodEnter() {
    result = newLocal(Type.getType(Object.class));
    visitInsn(ACONST_NULL);
    storeLocal(result);
    super.onMethodEnter();
  }

  @Override
  protected void onMethodExit(int opcode) {
    if (opcode == ARETURN) {
      dup();
      storeLocal(result);
    }
    super.onMethodExit(opcode);
  }

  /** Pushes the value being returned, or null when the method is leaving by a throwable. */
  protected final void loadResult() {
    loadLocal(result);
  }
}
