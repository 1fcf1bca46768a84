package io.weft.instrumentations.weaving;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Type;

/** A test class rewritten by one visitor and loaded (verifier on) in a loader of its own. */
final class Woven {
  private Woven() {}

  static Class<?> load(Class<?> original, BiFunction<ClassVisitor, ClassHeader, ClassVisitor> rewrite) {
    byte[] bytes;
    try (InputStream in = original.getResourceAsStream(original.getSimpleName() + ".class")) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String internalName = Type.getInternalName(original);
    TypeInstrumentation instrumentation = new TypeInstrumentation() {
      @Override
      public Set<String> typeNames() {
        return Set.of(internalName);
      }

      @Override
      public ClassVisitor rewrite(ClassVisitor next, ClassHeader header) {
        return rewrite.apply(next, header);
      }
    };
    byte[] woven = new WeavingTransformer(List.of(instrumentation))
        .transform(original.getClassLoader(), internalName, null, null, bytes);
    if (woven == null) {
      throw new AssertionError("not rewritten");
    }
    return new ClassLoader(original.getClassLoader()) {
      Class<?> define() {
        return defineClass(original.getName(), woven, 0, woven.length);
      }
    }.define();
  }

  /** Calls a constructor or method reflectively, rethrowing what it threw. */
  static Object construct(Class<?> c, Class<?>[] types, Object... args) throws Throwable {
    try {
      return c.getConstructor(types).newInstance(args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  static Object call(Class<?> c, Object receiver, String name, Class<?>[] types, Object... args) throws Throwable {
    try {
      return c.getMethod(name, types).invoke(receiver, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
