package io.weft.instrumentations.weaving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import example.targets.ResultTargets;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Type;

/**
 * Rewrites {@link ResultTargets} with a {@link ResultHookedMethod} on one method at a time, loads it
 * with the verifier on, and checks the exit hook sees exactly what each return returned (null on a
 * throw) while callers see unchanged behaviour.
 */
class ResultHookedMethodTest {

  private static final String HOOKS = Type.getInternalName(ResultHookedMethodTest.Hooks.class);

  /** What the woven code calls. */
  public static final class Hooks {
    static final List<String> EVENTS = new ArrayList<>();

    public static void exit(Object result, Throwable thrown) {
      String r = result instanceof int[] a ? "int[" + a.length + "]" : String.valueOf(result);
      EVENTS.add("returned " + r + (thrown == null ? "" : " threw " + thrown.getClass().getSimpleName()));
    }
  }

  /** {@code exit(result-or-null, thrown-or-null)}. */
  private static final class Hooked extends ResultHookedMethod {
    Hooked(MethodSelector.Target t) {
      super(t.next(), t.owner(), t.access(), t.name(), t.descriptor(), t.classVersion());
    }

    @Override
    protected void emitEnter() {}

    @Override
    protected void emitExit() {
      loadResult();
      swap();
      visitMethodInsn(INVOKESTATIC, HOOKS, "exit", "(Ljava/lang/Object;Ljava/lang/Throwable;)V", false);
    }
  }

  @BeforeEach
  void clear() {
    Hooks.EVENTS.clear();
  }

  private static Class<?> weave(String method, String descriptor) throws IOException {
    byte[] original;
    try (InputStream in = ResultTargets.class.getResourceAsStream("ResultTargets.class")) {
      original = in.readAllBytes();
    }
    TypeInstrumentation instrumentation = new TypeInstrumentation() {
      @Override
      public Set<String> typeNames() {
        return Set.of(Type.getInternalName(ResultTargets.class));
      }

      @Override
      public ClassVisitor rewrite(ClassVisitor next, ClassHeader header) {
        return new MethodSelector(next, method, descriptor, Hooked::new);
      }
    };
    byte[] woven = new WeavingTransformer(List.of(instrumentation)).transform(
        ResultHookedMethodTest.class.getClassLoader(), Type.getInternalName(ResultTargets.class), null, null, original);
    if (woven == null) {
      throw new AssertionError("not rewritten");
    }
    return new ClassLoader(ResultHookedMethodTest.class.getClassLoader()) {
      Class<?> define() {
        return defineClass(ResultTargets.class.getName(), woven, 0, woven.length);
      }
    }.define();
  }

  private static Object call(Class<?> c, String name, Object... args) throws Throwable {
    for (Method m : c.getMethods()) {
      if (m.getName().equals(name)) {
        try {
          return m.invoke(c.getConstructor().newInstance(), args);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      }
    }
    throw new AssertionError("no method " + name);
  }

  @Test
  void eachReturnHandsItsValueToTheExitHook() throws Throwable {
    Class<?> c = weave("twoReturns", "(Z)Ljava/lang/String;");
    assertEquals("early", call(c, "twoReturns", true));
    assertEquals("012", call(c, "twoReturns", false));
    assertEquals(List.of("returned early", "returned 012"), Hooks.EVENTS);
  }

  @Test
  void aReturnedNullAndAnArrayArePassedAsTheyAre() throws Throwable {
    assertEquals(null, call(weave("returnsNull", "()Ljava/lang/Object;"), "returnsNull"));
    assertArrayEquals(new int[2], (int[]) call(weave("array", "(I)[I"), "array", 2));
    assertEquals(List.of("returned null", "returned int[2]"), Hooks.EVENTS);
  }

  @Test
  void aThrowLeavesTheResultNull() throws Throwable {
    Class<?> c = weave("throwsFromCallee", "(Ljava/lang/String;)Ljava/lang/String;");
    assertThrows(NumberFormatException.class, () -> call(c, "throwsFromCallee", "x"));
    assertEquals("7", call(c, "throwsFromCallee", "7"));
    assertEquals(List.of("returned null threw NumberFormatException", "returned 7"), Hooks.EVENTS);
  }

  @Test
  void methodsReturningPrimitivesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Hooked(
        new MethodSelector.Target(null, "x/Y", 1, "m", "()I", 61)));
  }
}
