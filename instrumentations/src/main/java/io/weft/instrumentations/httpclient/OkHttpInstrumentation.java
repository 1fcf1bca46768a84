package io.weft.instrumentations.httpclient;

import io.weft.instrumentations.weaving.ClassHeader;
import io.weft.instrumentations.weaving.MethodSelector;
import io.weft.instrumentations.weaving.ResultHookedMethod;
import io.weft.instrumentations.weaving.TypeInstrumentation;
import java.util.Set;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Type;

/**
 * OkHttp 4 and 5: {@code RealCall.execute()} and the dispatcher thread running an {@code enqueue}d call
 * both run the call's interceptor chain through {@code RealCall.getResponseWithInterceptorChain}
 * (compiled as {@code getResponseWithInterceptorChain$okhttp}, a Kotlin {@code internal} name, in both
 * major versions). It returns the response once its head has arrived, after redirects and retries,
 * and throws what {@code execute()} throws and {@code onFailure} receives.
 */
public final class OkHttpInstrumentation implements TypeInstrumentation {

  static final String HOOKS = Type.getInternalName(OkHttpHooks.class);

  @Override
  public Set<String> typeNames() {
    return Set.of("okhttp3/internal/connection/RealCall");
  }

  @Override
  public ClassVisitor rewrite(ClassVisitor next, ClassHeader header) {
    return new MethodSelector(next, "getResponseWithInterceptorChain$okhttp", "()Lokhttp3/Response;", Chain::new);
  }

  /** {@code long start = enter(); ... exit(call, response-or-null, thrown-or-null, start);} */
  private static final class Chain extends ResultHookedMethod {
    private int call;
    private int start;

    Chain(MethodSelector.Target t) {
      super(t.next(), t.owner(), t.access(), t.name(), t.descriptor(), t.classVersion());
    }

    @Override
    protected void emitEnter() {
      call = newLocal(Type.getType(Object.class));
      start = newLocal(Type.LONG_TYPE);
      loadThis();
      storeLocal(call);
      visitMethodInsn(INVOKESTATIC, HOOKS, "enter", "()J", false);
      storeLocal(start);
    }

    @Override
    protected void emitExit() {
      // stack: thrown-or-null
      loadLocal(call);
      swap();
      loadResult();
      swap();
      loadLocal(start);
      visitMethodInsn(INVOKESTATIC, HOOKS, "exit",
          "(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Throwable;J)V", false);
    }
  }
}
