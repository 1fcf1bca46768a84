package io.weft.instrumentations.weaving;

import io.weft.bootstrap.log.WeftLog;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;

/**
 * Installs the instrumentations into the JVM.
 *
 * <pre>{@code
 * Weaving weaving = Weaving.install(instrumentation, List.of(new FilterChainInstrumentation()));
 * // later, off the application's thread:
 * weaving.retransformLoadedClasses();
 * }</pre>
 *
 * <p>{@link #install} only registers the transformer (no ASM class is loaded until a class
 * matches), so it is cheap enough for {@code premain}. Classes that were loaded before it are
 * rewritten by {@link #retransformLoadedClasses()}, which the agent runs on its init thread.
 */
public final class Weaving {

  private final Instrumentation instrumentation;
  private final WeavingTransformer transformer;

  private Weaving(Instrumentation instrumentation, WeavingTransformer transformer) {
    this.instrumentation = instrumentation;
    this.transformer = transformer;
  }

  /** Registers a transformer for these instrumentations; returns null if there are none. */
  public static Weaving install(Instrumentation instrumentation, List<TypeInstrumentation> instrumentations) {
    if (instrumentations.isEmpty()) {
      return null;
    }
    WeavingTransformer transformer = new WeavingTransformer(instrumentations);
    instrumentation.addTransformer(transformer, true);
    return new Weaving(instrumentation, transformer);
  }

  /** Rewrites the matching classes that were already loaded when the transformer was installed. */
  public void retransformLoadedClasses() {
    List<Class<?>> loaded = new ArrayList<>();
    for (Class<?> c : instrumentation.getAllLoadedClasses()) {
      if (instrumentation.isModifiableClass(c) && matches(c)) {
        loaded.add(c);
      }
    }
    for (Class<?> c : loaded) {
      try {
        instrumentation.retransformClasses(c);
      } catch (Throwable t) {
        WeftLog.warn("could not instrument the already loaded " + c.getName() + "; it runs unchanged: " + t);
      }
    }
  }

  private boolean matches(Class<?> c) {
    if (transformer.wantsName(internalName(c))) {
      return true;
    }
    Class<?> superclass = c.getSuperclass();
    if (superclass != null && transformer.wantsSupertype(internalName(superclass))) {
      return true;
    }
    for (Class<?> i : c.getInterfaces()) {
      if (transformer.wantsSupertype(internalName(i))) {
        return true;
      }
    }
    return false;
  }

  private static String internalName(Class<?> c) {
    return c.getName().replace('.', '/');
  }

  /** Removes the transformer; classes already rewritten stay rewritten. */
  public void uninstall() {
    instrumentation.removeTransformer(transformer);
  }
}
