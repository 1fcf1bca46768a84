package io.weft.instrumentations.httpclient;

import io.weft.instrumentations.weaving.ClassHeader;
import io.weft.instrumentations.weaving.MethodSelector;
import io.weft.instrumentations.weaving.ResultHookedMethod;
import io.weft.instrumentations.weaving.TypeInstrumentation;
import java.util.Set;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Type;

/**
 * The JDK's {@code java.net.http.HttpClient}: its one implementation, {@code
 * jdk.internal.net.http.HttpClientImpl}, runs {@code send} and every public {@code sendAsync} through
 * one private {@code sendAsync(request, handler, pushHandler, executor)}. Both {@code send} and that
 * method are hooked: {@code send} so that a failure is recorded as the exception its caller gets,
 * {@code sendAsync} for asynchronous calls (nested inside {@code send}, it is ignored there).
 */
public final class JdkHttpClientInstrumentation implements TypeInstrumentation {

  static final String HOOKS = Type.getInternalName(JdkHttpClientHooks.class);
  private static final String SEND =
      "(Ljava/net/http/HttpRequest;Ljava/net/http/HttpResponse$BodyHandler;)Ljava/net/http/HttpResponse;";
  private static final String SEND_ASYNC = "(Ljava/net/http/HttpRequest;Ljava/net/http/HttpResponse$BodyHandler;"
      + "Ljava/net/http/HttpResponse$PushPromiseHandler;Ljava/util/concurrent/Executor;)"
      + "Ljava/util/concurrent/CompletableFuture;";

  @Override
  public Set<String> typeNames() {
    return Set.of("jdk/internal/net/http/HttpClientImpl");
  }

  @Override
  public ClassVisitor rewrite(ClassVisitor next, ClassHeader header) {
    ClassVisitor send = new MethodSelector(next, "send", SEND, t -> new Call(t, "sendExit"));
    return new MethodSelector(send, "sendAsync", SEND_ASYNC, t -> new Call(t, "sendAsyncExit"));
  }

  /**
   * {@code long start = enter(); ... exitHook(request, returned-or-null, thrown-or-null, start);}
   * with {@code request} the first argument as it was on entry.
   */
  private static final class Call extends ResultHookedMethod {
    private final String exitHook;
    private int request;
    private int start;

    Call(MethodSelector.Target t, String exitHook) {
      super(t.next(), t.owner(), t.access(), t.name(), t.descriptor(), t.classVersion());
      this.exitHook = exitHook;
    }

    @Override
    protected void emitEnter() {
      request = newLocal(Type.getType(Object.class));
      start = newLocal(Type.LONG_TYPE);
      loadArg(0);
      storeLocal(request);
      visitMethodInsn(INVOKESTATIC, HOOKS, "enter", "()J", false);
      storeLocal(start);
    }

    @Override
    protected void emitExit() {
      // stack: thrown-or-null
      loadLocal(request);
      swap();
      loadResult();
      swap();
      loadLocal(start);
      visitMethodInsn(INVOKESTATIC, HOOKS, exitHook,
          "(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Throwable;J)V", false);
    }
  }
}
