package io.weft.instrumentations.httpserver;

import io.weft.instrumentations.weaving.ClassHeader;
import io.weft.instrumentations.weaving.HookedMethod;
import io.weft.instrumentations.weaving.MethodSelector;
import io.weft.instrumentations.weaving.TypeInstrumentation;
import java.util.Set;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Type;

/**
 * The JDK's {@code com.sun.net.httpserver} (HttpServer and HttpsServer): every request passes
 * through {@code Filter.Chain.doFilter(HttpExchange)}, first for the user's filters, then for the
 * server's own; the hooks measure the outermost call.
 */
public final class JdkHttpServerInstrumentation implements TypeInstrumentation {

  static final String HOOKS = Type.getInternalName(JdkHttpServerHooks.class);

  @Override
  public Set<String> typeNames() {
    return Set.of("com/sun/net/httpserver/Filter$Chain");
  }

  @Override
  public ClassVisitor rewrite(ClassVisitor next, ClassHeader header) {
    return new MethodSelector(next, "doFilter", "(Lcom/sun/net/httpserver/HttpExchange;)V", DoFilter::new);
  }

  /** {@code long start = enter(exchange); try { body } finally-like { exit(exchange, thrown, start); }} */
  private static final class DoFilter extends HookedMethod {
    private int exchange;
    private int start;

    DoFilter(MethodSelector.Target t) {
      super(t.next(), t.owner(), t.access(), t.name(), t.descriptor(), t.classVersion());
    }

    @Override
    protected void emitEnter() {
      exchange = newLocal(Type.getType(Object.class));
      start = newLocal(Type.LONG_TYPE);
      loadArg(0);
      storeLocal(exchange);
      loadArg(0);
      visitMethodInsn(INVOKESTATIC, HOOKS, "enter", "(Ljava/lang/Object;)J", false);
      storeLocal(start);
    }

    @Override
    protected void emitExit() {
      // stack: thrown-or-null
      loadLocal(exchange);
      swap();
      loadLocal(start);
      visitMethodInsn(INVOKESTATIC, HOOKS, "exit", "(Ljava/lang/Object;Ljava/lang/Throwable;J)V", false);
    }
  }
}
