package io.weft.instrumentations.weaving;

import java.util.Arrays;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.AdviceAdapter;

/**
 * Rewrites one method so that it calls a hook on entry and a hook on every exit: each return, and
 * any throwable leaving the method (caught by a catch-all handler appended last to the exception
 * table, so the method's own handlers keep priority, and rethrown unchanged).
 *
 * <p>Subclasses emit the hook calls. Rules that keep the woven code safe: hooks are static methods
 * on bootstrap-visible classes that never throw; woven code passes values to them and does nothing
 * else (no branches, so no stack-map frames besides the handler's); every new local is assigned in
 * {@link #emitEnter()}, before any frame of the original code; {@link #emitExit()} reads only those
 * locals and {@code this} (which this class copies on entry and substitutes in exit code); copy an
 * argument into a local in {@code emitEnter} if the exit needs it.
 *
 * <p>Works on classes read with {@code ClassReader.EXPAND_FRAMES} and written with {@code
 * COMPUTE_MAXS}; never on constructors.
 */
public abstract class HookedMethod extends AdviceAdapter {

  private final boolean emitFrames;
  private final boolean isStatic;
  private final String owner;
  private final Object[] entryLocals;
  private int thisCopy = -1;
  private boolean emittingExit;
  private final Label tryStart = new Label();
  private boolean hasCode;

  protected HookedMethod(MethodVisitor next, String owner, int access, String name, String descriptor,
      int classVersion) {
    super(Opcodes.ASM9, next, access, name, descriptor);
    if ("<init>".equals(name)) {
      throw new IllegalArgumentException("constructors are not hooked: " + owner + "." + name);
    }
    // Class files before Java 6 have no stack-map frames; the verifier infers them.
    this.emitFrames = (classVersion & 0xFFFF) >= Opcodes.V1_6;
    this.isStatic = (access & ACC_STATIC) != 0;
    this.owner = owner;
    this.entryLocals = entryLocals(access, descriptor);
  }

  /** Emits the entry hook call; stores what the exit needs in locals made with {@code newLocal}. */
  protected abstract void emitEnter();

  /**
   * Emits the exit hook call. On entry the stack holds the throwable leaving the method, or null on
   * a normal return; the emitted code must consume it.
   */
  protected abstract void emitExit();

  @Override
  protected void onMethodEnter() {
    hasCode = true;
    if (!isStatic) {
      // Exit code may say loadThis(); the handler's frame cannot promise slot 0, so it reads this copy.
      thisCopy = newLocal(Type.getObjectType(owner));
      super.visitVarInsn(ALOAD, 0);
      storeLocal(thisCopy);
    }
    emitEnter();
    visitLabel(tryStart);
  }

  @Override
  protected void onMethodExit(int opcode) {
    if (opcode != ATHROW) {
      visitInsn(ACONST_NULL);
      exit();
    }
  }

  private void exit() {
    emittingExit = true;
    try {
      emitExit();
    } finally {
      emittingExit = false;
    }
  }

  /** In exit code, {@code this} is read from the copy made on entry. */
  @Override
  public void loadThis() {
    if (emittingExit && thisCopy >= 0) {
      loadLocal(thisCopy);
    } else {
      super.loadThis();
    }
  }

  @Override
  public void visitVarInsn(int opcode, int varIndex) {
    if (emittingExit && thisCopy >= 0 && opcode == ALOAD && varIndex == 0) {
      loadLocal(thisCopy);
    } else {
      super.visitVarInsn(opcode, varIndex);
    }
  }

  @Override
  public void visitMaxs(int maxStack, int maxLocals) {
    if (hasCode) {
      Label handler = new Label();
      visitLabel(handler);
      if (emitFrames) {
        visitFrame(F_NEW, entryLocals.length, entryLocals, 1, new Object[] {"java/lang/Throwable"});
      }
      visitInsn(DUP);
      exit();
      visitInsn(ATHROW);
      visitTryCatchBlock(tryStart, handler, handler, "java/lang/Throwable");
    }
    super.visitMaxs(maxStack, maxLocals);
  }

  /**
   * The frame locals the catch-all handler declares: every slot of {@code this} and the parameters
   * unusable ({@code TOP}; two for a long or double). The handler covers code whose own frames may
   * not hold them: JDK dynamic proxies keep a caught exception in a parameter's slot, and on Java 25
   * their handlers' frames clear every local. So emitted exit code reads only the locals made in
   * {@link #emitEnter()} (which every frame keeps), never {@code this} or a parameter directly.
   */
  private static Object[] entryLocals(int access, String descriptor) {
    int slots = (access & ACC_STATIC) != 0 ? 0 : 1;
    for (Type t : Type.getArgumentTypes(descriptor)) {
      slots += t.getSize();
    }
    Object[] locals = new Object[slots];
    Arrays.fill(locals, TOP);
    return locals;
  }
}
