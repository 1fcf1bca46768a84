package io.weft.instrumentations.httpserver;

import io.weft.instrumentations.weaving.HookedMethod;
import io.weft.instrumentations.weaving.MethodSelector;
import org.objectweb.asm.Type;

/**
 * A rewritten {@code (ServletRequest, ServletResponse)} method, javax or jakarta:
 * {@code Object t = ServletHooks.enter(req, res); try { body } finally-like { ServletHooks.exit(thrown, t, req, res); }}.
 * The arguments are copied into locals first, as the body may reassign its parameters.
 */
final class ServletCall extends HookedMethod {

  static final String HOOKS = Type.getInternalName(ServletHooks.class);
  static final String JAVAX = "(Ljavax/servlet/ServletRequest;Ljavax/servlet/ServletResponse;)V";
  static final String JAKARTA = "(Ljakarta/servlet/ServletRequest;Ljakarta/servlet/ServletResponse;)V";

  private int request;
  private int response;
  private int timing;

  ServletCall(MethodSelector.Target t) {
    super(t.next(), t.owner(), t.access(), t.name(), t.descriptor(), t.classVersion());
  }

  @Override
  protected void emitEnter() {
    Type object = Type.getType(Object.class);
    request = newLocal(object);
    response = newLocal(object);
    timing = newLocal(object);
    loadArg(0);
    storeLocal(request);
    loadArg(1);
    storeLocal(response);
    loadLocal(request);
    loadLocal(response);
    visitMethodInsn(INVOKESTATIC, HOOKS, "enter", "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;", false);
    storeLocal(timing);
  }

  @Override
  protected void emitExit() {
    // stack: thrown-or-null
    loadLocal(timing);
    loadLocal(request);
    loadLocal(response);
    visitMethodInsn(INVOKESTATIC, HOOKS, "exit",
        "(Ljava/lang/Throwable;Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Object;)V", false);
  }
}
