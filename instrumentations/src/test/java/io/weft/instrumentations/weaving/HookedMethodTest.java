package io.weft.instrumentations.weaving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import example.targets.Targets;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rewrites {@link Targets} with entry/exit hooks on one method at a time, loads it (with the
 * verifier on, as for any application class) and checks behaviour is unchanged and hooks fire once
 * per call with the right outcome.
 */
class HookedMethodTest {

  private static final String HOOKS = Type.getInternalName(RecordingHooks.class);

  @BeforeEach
  void clear() {
    RecordingHooks.EVENTS.clear();
  }

  /** Hooks {@code enter(receiver-or-null)} / {@code exit(receiver-or-null, thrown, token)}. */
  private static final class Hooked extends HookedMethod {
    private final boolean isStatic;
    private int receiver;
    private int token;

    Hooked(MethodSelector.Target t) {
      super(t.next(), t.owner(), t.access(), t.name(), t.descriptor(), t.classVersion());
      isStatic = (t.access() & Opcodes.ACC_STATIC) != 0;
    }

    @Override
    protected void emitEnter() {
      receiver = newLocal(Type.getType(Object.class));
      token = newLocal(Type.LONG_TYPE);
      if (isStatic) {
        visitInsn(ACONST_NULL);
      } else {
        loadThis();
      }
      storeLocal(receiver);
      loadLocal(receiver);
      visitMethodInsn(INVOKESTATIC, HOOKS, "enter", "(Ljava/lang/Object;)J", false);
      storeLocal(token);
    }

    @Override
    protected void emitExit() {
      loadLocal(receiver);
      swap();
      loadLocal(token);
      visitMethodInsn(INVOKESTATIC, HOOKS, "exit", "(Ljava/lang/Object;Ljava/lang/Throwable;J)V", false);
    }
  }

  private static Class<?> weave(String method, String descriptor) throws IOException {
    byte[] original;
    try (InputStream in = Targets.class.getResourceAsStream("Targets.class")) {
      original = in.readAllBytes();
    }
    TypeInstrumentation instrumentation = new TypeInstrumentation() {
      @Override
      public Set<String> typeNames() {
        return Set.of(Type.getInternalName(Targets.class));
      }

      @Override
      public ClassVisitor rewrite(ClassVisitor next, ClassHeader header) {
        return new MethodSelector(next, method, descriptor, Hooked::new);
      }
    };
    byte[] woven = new WeavingTransformer(List.of(instrumentation))
        .transform(HookedMethodTest.class.getClassLoader(), Type.getInternalName(Targets.class), null, null, original);
    if (woven == null) {
      throw new AssertionError("not rewritten");
    }
    return new ClassLoader(HookedMethodTest.class.getClassLoader()) {
      Class<?> define() {
        return defineClass(Targets.class.getName(), woven, 0, woven.length);
      }
    }.define();
  }

  private static Object call(Class<?> c, String name, Object... args) throws Throwable {
    for (Method m : c.getMethods()) {
      if (m.getName().equals(name)) {
        try {
          Object receiver = java.lang.reflect.Modifier.isStatic(m.getModifiers())
              ? null : c.getConstructor().newInstance();
          return m.invoke(receiver, args);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      }
    }
    throw new AssertionError("no method " + name);
  }

  @Test
  void returnValueAndArgumentsOfManyTypesAreUnchanged() throws Throwable {
    Class<?> c = weave("plain", "(IJDLjava/lang/String;)I");
    assertEquals(1 + 2 + 3 + 4, call(c, "plain", 1, 2L, 3.0, "four"));
    assertEquals(List.of("enter Targets", "exit normally token=42"), RecordingHooks.EVENTS);
  }

  @Test
  void staticMethodsAreHookedWithoutAReceiver() throws Throwable {
    Class<?> c = weave("staticMethod", "(Ljava/lang/String;)Ljava/lang/String;");
    assertEquals("a!", call(c, "staticMethod", "a"));
    assertEquals(List.of("enter static", "exit normally token=42"), RecordingHooks.EVENTS);
  }

  @Test
  void aThrownExceptionReachesTheExitHookAndTheCallerUnchanged() throws Throwable {
    Class<?> c = weave("throwing", "(Ljava/lang/String;)V");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> call(c, "throwing", "boom"));
    assertEquals("boom", e.getMessage());
    assertEquals(List.of("enter Targets", "exit IllegalStateException token=42"), RecordingHooks.EVENTS);
  }

  @Test
  void theMethodsOwnHandlerKeepsPriority() throws Throwable {
    Class<?> c = weave("catchesItsOwn", "(Z)Ljava/lang/String;");
    assertEquals("caught own", call(c, "catchesItsOwn", true));
    assertEquals("ok", call(c, "catchesItsOwn", false));
    assertEquals(List.of("enter Targets", "exit normally token=42", "enter Targets", "exit normally token=42"),
        RecordingHooks.EVENTS);
  }

  @Test
  void branchesLoopsAndSeveralReturnsVerifyAndBehave() throws Throwable {
    Class<?> c = weave("branchy", "(I)J");
    assertEquals(new Targets().branchy(5), call(c, "branchy", 5));
    assertEquals(new Targets().branchy(100), call(c, "branchy", 100));
    assertEquals(4, RecordingHooks.EVENTS.size());
  }

  @Test
  void anExceptionFromACalleeIsSeen() throws Throwable {
    Class<?> c = weave("calleeThrows", "(Ljava/lang/String;)I");
    assertThrows(NumberFormatException.class, () -> call(c, "calleeThrows", "x"));
    assertEquals(7, call(c, "calleeThrows", "7"));
    assertEquals(List.of("enter Targets", "exit NumberFormatException token=42", "enter Targets",
        "exit normally token=42"), RecordingHooks.EVENTS);
  }

  @Test
  void classesNobodyWantsAreLeftAlone() {
    WeavingTransformer t = new WeavingTransformer(List.of());
    assertEquals(null, t.transform(null, "com/example/Other", null, null, new byte[] {1, 2, 3}));
  }

  @Test
  void aClassThatFailsToRewriteLoadsUnchanged() throws IOException {
    TypeInstrumentation broken = new TypeInstrumentation() {
      @Override
      public Set<String> typeNames() {
        return Set.of("com/example/Broken");
      }

      @Override
      public ClassVisitor rewrite(ClassVisitor next, ClassHeader header) {
        throw new IllegalStateException("broken instrumentation");
      }
    };
    byte[] original;
    try (InputStream in = Targets.class.getResourceAsStream("Targets.class")) {
      original = in.readAllBytes();
    }
    assertEquals(null, new WeavingTransformer(List.of(broken)).transform(null, "com/example/Broken", null, null, original));
  }

  @Test
  void classesMatchedByDirectSupertypeAreOffered() throws IOException {
    TypeInstrumentation bySuper = new TypeInstrumentation() {
      @Override
      public Set<String> directSupertypes() {
        return Set.of("java/lang/Object");
      }

      @Override
      public ClassVisitor rewrite(ClassVisitor next, ClassHeader header) {
        return new MethodSelector(next, "plain", "(IJDLjava/lang/String;)I", Hooked::new);
      }
    };
    byte[] original;
    try (InputStream in = Targets.class.getResourceAsStream("Targets.class")) {
      original = in.readAllBytes();
    }
    byte[] woven = new WeavingTransformer(List.of(bySuper))
        .transform(null, Type.getInternalName(Targets.class), null, null, original);
    assertEquals(true, woven != null && woven.length > original.length);
    new ClassReader(woven); // parses
  }
}
