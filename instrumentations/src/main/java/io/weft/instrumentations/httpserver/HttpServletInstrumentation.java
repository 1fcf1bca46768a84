package io.weft.instrumentations.httpserver;

import io.weft.instrumentations.weaving.ClassHeader;
import io.weft.instrumentations.weaving.MethodSelector;
import io.weft.instrumentations.weaving.TypeInstrumentation;
import java.util.Set;
import org.objectweb.asm.ClassVisitor;

/**
 * {@code HttpServlet.service(ServletRequest, ServletResponse)}, javax and jakarta: every request a
 * servlet handles passes here, also where the container calls the servlet without a filter chain
 * (Jetty and Undertow when no filter applies). Inside a container's chain it is a nested call.
 */
public final class HttpServletInstrumentation implements TypeInstrumentation {

  @Override
  public Set<String> typeNames() {
    return Set.of("javax/servlet/http/HttpServlet", "jakarta/servlet/http/HttpServlet");
  }

  @Override
  public ClassVisitor rewrite(ClassVisitor next, ClassHeader header) {
    String descriptor = header.name().startsWith("jakarta/") ? ServletCall.JAKARTA : ServletCall.JAVAX;
    return new MethodSelector(next, "service", descriptor, ServletCall::new);
  }
}
