package io.weft.instrumentations.weaving;

import java.util.Set;
import org.objectweb.asm.ClassVisitor;

/**
 * Rewrites one kind of class: says which classes it wants (cheaply, from names) and returns the
 * visitor that rewrites them.
 *
 * <pre>{@code
 * final class FilterChainInstrumentation implements TypeInstrumentation {
 *   public Set<String> typeNames() { return Set.of("com/sun/net/httpserver/Filter$Chain"); }
 *   public ClassVisitor rewrite(ClassVisitor next, ClassHeader header) {
 *     return new MethodSelector(next, "doFilter", "(Lcom/sun/net/httpserver/HttpExchange;)V", ...);
 *   }
 * }
 * }</pre>
 */
public interface TypeInstrumentation {

  /** Internal names of the classes to rewrite, e.g. {@code javax/servlet/http/HttpServlet}. */
  default Set<String> typeNames() {
    return Set.of();
  }

  /**
   * Internal names of supertypes: a class whose header names one of them as its superclass or one of
   * its interfaces is offered too. Only direct supertypes are seen, as the header shows them.
   */
  default Set<String> directSupertypes() {
    return Set.of();
  }

  /** Wraps {@code next} with the rewriting; called only for classes matched above. */
  ClassVisitor rewrite(ClassVisitor next, ClassHeader header);
}
