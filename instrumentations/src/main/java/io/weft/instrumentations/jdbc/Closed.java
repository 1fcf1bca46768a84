package io.weft.instrumentations.jdbc;

import io.weft.instrumentations.weaving.ReturnHookedMethod;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * {@code close()} of a statement or a connection: before each normal return, {@code hook(this)},
 * so that what the agent remembers about the object goes when the object is closed instead of
 * waiting for the garbage collector (see {@link JdbcHooks#statementClosed} and {@link
 * JdbcHooks#connectionClosed}). {@code this} is copied on entry.
 */
final class Closed extends ReturnHookedMethod {
  private final String hook;
  private int closing;

  Closed(MethodVisitor next, int access, String name, String descriptor, String hook) {
    super(next, access, name, descriptor);
    this.hook = hook;
  }

  static boolean isClose(String name, String descriptor) {
    return name.equals("close") && descriptor.equals("()V");
  }

  @Override
  protected void emitEnter() {
    closing = newLocal(Type.getType(Object.class));
    loadThis();
    storeLocal(closing);
  }

  @Override
  protected void emitBeforeReturn(int opcode) {
    loadLocal(closing);
    visitMethodInsn(INVOKESTATIC, StatementInstrumentation.HOOKS, hook, "(Ljava/lang/Object;)V", false);
  }
}
