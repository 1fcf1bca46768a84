package io.weft.instrumentations.httpserver;

import io.weft.instrumentations.weaving.ClassHeader;
import io.weft.instrumentations.weaving.MethodSelector;
import io.weft.instrumentations.weaving.TypeInstrumentation;
import java.util.Set;
import org.objectweb.asm.ClassVisitor;

/**
 * Classes that implement {@code FilterChain} directly (javax or jakarta): the containers' chains
 * (Tomcat's {@code ApplicationFilterChain}, Jetty's, Undertow's {@code FilterChainImpl}), whose
 * {@code doFilter} is where a request enters the application's filters and servlet. Chains that
 * frameworks build inside a filter are nested calls and do not measure.
 */
public final class ServletFilterChainInstrumentation implements TypeInstrumentation {

  @Override
  public Set<String> directSupertypes() {
    return Set.of("javax/servlet/FilterChain", "jakarta/servlet/FilterChain");
  }

  @Override
  public ClassVisitor rewrite(ClassVisitor next, ClassHeader header) {
    return new MethodSelector(new MethodSelector(next, "doFilter", ServletCall.JAVAX, ServletCall::new),
        "doFilter", ServletCall.JAKARTA, ServletCall::new);
  }
}
