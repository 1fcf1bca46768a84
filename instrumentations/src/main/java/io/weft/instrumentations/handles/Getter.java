package io.weft.instrumentations.handles;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;

/**
 * Method handles for public no-argument getters of library types that hooks cannot name (they live
 * in the application's class loaders, or in a platform module such as {@code java.net.http}),
 * typed {@code (Object)String}, {@code (Object)int} or {@code (Object)Object} so that hooks call
 * them with {@code invokeExact}. Resolved once per library class (held in a static final field or
 * per class loader); a call through such a handle costs a few ns more than a direct call, and about
 * a direct call when the handle is a static final constant.
 *
 * <pre>{@code
 * static final MethodHandle METHOD = Getter.platform("java.net.http.HttpRequest", "method");
 * String method = (String) METHOD.invokeExact(request);
 * }</pre>
 */
public final class Getter {

  private Getter() {}

  /** The public getter {@code name()} of the platform class loader's type {@code className}. */
  public static MethodHandle platform(String className, String name) throws ReflectiveOperationException {
    return of(ClassLoader.getPlatformClassLoader(), className, name);
  }

  /** The public getter {@code name()} of the type {@code className} as {@code loader} sees it. */
  public static MethodHandle of(ClassLoader loader, String className, String name) throws ReflectiveOperationException {
    return of(Class.forName(className, false, loader), name);
  }

  /** The public getter {@code name()} of {@code owner}. */
  public static MethodHandle of(Class<?> owner, String name) throws ReflectiveOperationException {
    Method m = owner.getMethod(name);
    Class<?> returned = m.getReturnType();
    Class<?> exposed = returned == int.class || returned == String.class ? returned : Object.class;
    return MethodHandles.publicLookup().unreflect(m).asType(MethodType.methodType(exposed, Object.class));
  }
}
