package io.weft.instrumentations.httpclient;

import io.weft.instrumentations.weaving.ClassHeader;
import io.weft.instrumentations.weaving.MethodSelector;
import io.weft.instrumentations.weaving.ResultHookedMethod;
import io.weft.instrumentations.weaving.TypeInstrumentation;
import java.util.Set;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Type;

/**
 * Apache HttpClient 5, classic API: every {@code execute} overload of {@code CloseableHttpClient} ends
 * in {@code doExecute(target, request, context)}, implemented by each direct subclass (the library's
 * {@code InternalHttpClient} and {@code MinimalHttpClient}, and any wrapper an application writes:
 * a wrapper delegating to the library's client is measured once, at the wrapper). {@code doExecute}
 * returns when the response head has arrived; redirects and retries happen inside it.
 */
public final class ApacheHttpClientInstrumentation implements TypeInstrumentation {

  static final String HOOKS = Type.getInternalName(ApacheHttpClientHooks.class);
  private static final String DO_EXECUTE = "(Lorg/apache/hc/core5/http/HttpHost;"
      + "Lorg/apache/hc/core5/http/ClassicHttpRequest;Lorg/apache/hc/core5/http/protocol/HttpContext;)"
      + "Lorg/apache/hc/client5/http/impl/classic/CloseableHttpResponse;";

  @Override
  public Set<String> directSupertypes() {
    return Set.of("org/apache/hc/client5/http/impl/classic/CloseableHttpClient");
  }

  @Override
  public ClassVisitor rewrite(ClassVisitor next, ClassHeader header) {
    return new MethodSelector(next, "doExecute", DO_EXECUTE, DoExecute::new);
  }

  /** {@code long start = enter(); ... exit(target, request, response-or-null, thrown-or-null, start);} */
  private static final class DoExecute extends ResultHookedMethod {
    private int target;
    private int request;
    private int start;

    DoExecute(MethodSelector.Target t) {
      super(t.next(), t.owner(), t.access(), t.name(), t.descriptor(), t.classVersion());
    }

    @Override
    protected void emitEnter() {
      target = newLocal(Type.getType(Object.class));
      request = newLocal(Type.getType(Object.class));
      start = newLocal(Type.LONG_TYPE);
      loadArg(0);
      storeLocal(target);
      loadArg(1);
      storeLocal(request);
      visitMethodInsn(INVOKESTATIC, HOOKS, "enter", "()J", false);
      storeLocal(start);
    }

    @Override
    protected void emitExit() {
      // stack: thrown-or-null
      loadLocal(target);
      swap();
      loadLocal(request);
      swap();
      loadResult();
      swap();
      loadLocal(start);
      visitMethodInsn(INVOKESTATIC, HOOKS, "exit",
          "(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Throwable;J)V", false);
    }
  }
}
