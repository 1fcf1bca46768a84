package io.weft.instrumentations.jdbc;

import io.weft.instrumentations.weaving.ReturnHookedMethod;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Before each normal return, {@code hook(this)}, with {@code this} copied on entry: for events that
 * need only the object, such as {@code clearBatch()} ({@link JdbcHooks#batchCleared}) and {@code
 * close()} of a statement or a connection ({@link JdbcHooks#statementClosed}, {@link
 * JdbcHooks#connectionClosed}), which lets what the agent remembers about the object go when it is
 * closed instead of waiting for the garbage collector.
 */
final class ThisOnReturn extends ReturnHookedMethod {
  private final String hook;
  private int closing;

  ThisOnReturn(MethodVisitor next, int access, String name, String descriptor, String hook) {
    super(next, access, name, descriptor);
    this.hook = hook;
  }

  /** Whether this is {@code void close()}. */
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
