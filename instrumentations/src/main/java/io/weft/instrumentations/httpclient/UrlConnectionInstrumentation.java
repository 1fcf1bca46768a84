package io.weft.instrumentations.httpclient;

import io.weft.instrumentations.weaving.ClassHeader;
import io.weft.instrumentations.weaving.HookedMethod;
import io.weft.instrumentations.weaving.MethodSelector;
import io.weft.instrumentations.weaving.TypeInstrumentation;
import java.util.Set;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Type;

/**
 * The JDK's {@code HttpURLConnection} for http and https: {@code
 * sun.net.www.protocol.http.HttpURLConnection} does the work for both (an https connection delegates
 * to a subclass of it, whose {@code connect} does the TLS handshake). Its {@code connect}, {@code
 * getOutputStream} and {@code getInputStream} are hooked, plus the https {@code connect}; every other
 * way to reach the response ({@code getResponseCode}, {@code getHeaderField}, ...) goes through
 * {@code getInputStream}. {@link UrlConnectionHooks} turns these calls into one measurement per
 * connection.
 *
 * <p>These classes are in {@code java.base} and often loaded before the agent, so they may be
 * retransformed: the rewrite only adds code to method bodies. The woven code reads the connection's
 * own fields ({@code url}, {@code method}, {@code responseCode} of {@code java.net.HttpURLConnection},
 * which it may as code of a subclass, and the JDK class's private {@code rememberedException}).
 */
public final class UrlConnectionInstrumentation implements TypeInstrumentation {

  static final String HOOKS = Type.getInternalName(UrlConnectionHooks.class);
  static final String HTTP = "sun/net/www/protocol/http/HttpURLConnection";
  static final String HTTPS = "sun/net/www/protocol/https/AbstractDelegateHttpsURLConnection";

  @Override
  public Set<String> typeNames() {
    return Set.of(HTTP, HTTPS);
  }

  @Override
  public ClassVisitor rewrite(ClassVisitor next, ClassHeader header) {
    if (!HTTP.equals(header.name())) {
      // The https connect: rememberedException is private to the superclass, out of its reach.
      return new MethodSelector(next, "connect", "()V", t -> new ConnectionCall(t, false));
    }
    ClassVisitor connect = new MethodSelector(next, "connect", "()V", t -> new ConnectionCall(t, true));
    ClassVisitor output = new MethodSelector(connect, "getOutputStream", "()Ljava/io/OutputStream;",
        t -> new ConnectionCall(t, true));
    return new MethodSelector(output, "getInputStream", "()Ljava/io/InputStream;", t -> new ConnectionCall(t, true));
  }

  /**
   * {@code enter(this, this.url, this.method, this.responseCode, this.rememberedException); ...
   * exit(this, thrown-or-null, this.responseCode, this.method);}
   */
  private static final class ConnectionCall extends HookedMethod {
    private final String owner;
    private final boolean readsRememberedException;

    ConnectionCall(MethodSelector.Target t, boolean readsRememberedException) {
      super(t.next(), t.owner(), t.access(), t.name(), t.descriptor(), t.classVersion());
      this.owner = t.owner();
      this.readsRememberedException = readsRememberedException;
    }

    @Override
    protected void emitEnter() {
      loadThis();
      loadThis();
      visitFieldInsn(GETFIELD, owner, "url", "Ljava/net/URL;");
      loadThis();
      visitFieldInsn(GETFIELD, owner, "method", "Ljava/lang/String;");
      loadThis();
      visitFieldInsn(GETFIELD, owner, "responseCode", "I");
      if (readsRememberedException) {
        loadThis();
        visitFieldInsn(GETFIELD, owner, "rememberedException", "Ljava/lang/Exception;");
      } else {
        visitInsn(ACONST_NULL);
      }
      visitMethodInsn(INVOKESTATIC, HOOKS, "enter",
          "(Ljava/lang/Object;Ljava/net/URL;Ljava/lang/String;ILjava/lang/Object;)V", false);
    }

    @Override
    protected void emitExit() {
      // stack: thrown-or-null
      loadThis();
      swap();
      loadThis();
      visitFieldInsn(GETFIELD, owner, "responseCode", "I");
      loadThis();
      visitFieldInsn(GETFIELD, owner, "method", "Ljava/lang/String;");
      visitMethodInsn(INVOKESTATIC, HOOKS, "exit", "(Ljava/lang/Object;Ljava/lang/Throwable;ILjava/lang/String;)V",
          false);
    }
  }
}
