package io.weft.instrumentations.httpserver;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Servlet API objects for tests, as proxies of the real interfaces: each method answers from a map
 * of method name to value (or to a {@link Function} of the arguments); unlisted methods answer
 * null, false or 0. Requests keep their attributes in a map, as a container does.
 */
final class Fakes {

  private Fakes() {}

  static <T> T of(Class<T> type, Map<String, Object> answers) {
    InvocationHandler handler = (proxy, method, args) -> {
      if (method.getDeclaringClass() == Object.class) {
        return switch (method.getName()) {
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> "fake " + type.getSimpleName();
        };
      }
      Object answer = answers.get(method.getName());
      if (answer instanceof Function<?, ?> f) {
        @SuppressWarnings("unchecked")
        Function<Object[], Object> function = (Function<Object[], Object>) f;
        return function.apply(args);
      }
      if (answer == null && method.getReturnType().isPrimitive()) {
        Class<?> r = method.getReturnType();
        return r == boolean.class ? Boolean.FALSE : r == long.class ? (Object) 0L : r == void.class ? null : (Object) 0;
      }
      return answer;
    };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }

  /** Answers plus getAttribute/setAttribute over a map. */
  static Map<String, Object> withAttributes(Map<String, Object> answers) {
    Map<String, Object> attributes = new HashMap<>();
    Map<String, Object> all = new HashMap<>(answers);
    all.put("getAttribute", (Function<Object[], Object>) args -> attributes.get((String) args[0]));
    all.put("setAttribute", (Function<Object[], Object>) args -> attributes.put((String) args[0], args[1]));
    return all;
  }
}
