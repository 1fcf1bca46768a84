package io.weft.instrumentations.weaving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import example.targets.Built;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rewrites {@link Built} so that its constructor and a method call a hook before each normal
 * return, loads it with the verifier on, and checks behaviour is unchanged and the hook sees the
 * finished object or the returned value, and nothing on a throw.
 */
class ReturnHookedMethodTest {

  private static final String HOOKS = Type.getInternalName(ReturnHooks.class);

  @BeforeEach
  void clear() {
    ReturnHooks.EVENTS.clear();
  }

  private static Class<?> weave() throws IOException {
    byte[] original;
    try (InputStream in = Built.class.getResourceAsStream("Built.class")) {
      original = in.readAllBytes();
    }
    TypeInstrumentation instrumentation = new TypeInstrumentation() {
      @Override
      public Set<String> typeNames() {
        return Set.of(Type.getInternalName(Built.class));
      }

      @Override
      public ClassVisitor rewrite(ClassVisitor next, ClassHeader header) {
        return new ClassVisitor(Opcodes.ASM9, next) {
          @Override
          public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
              String[] exceptions) {
            MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
            if (name.equals("<init>")) {
              return new ReturnHookedMethod(mv, access, name, descriptor) {
                private int argument;

                @Override
                protected void emitEnter() {
                  argument = newLocal(Type.getType(String.class));
                  loadArg(0);
                  storeLocal(argument);
                }

                @Override
                protected void emitBeforeReturn(int opcode) {
                  loadThis();
                  loadLocal(argument);
                  visitMethodInsn(INVOKESTATIC, HOOKS, "constructed", "(Ljava/lang/Object;Ljava/lang/String;)V", false);
                }
              };
            }
            if (name.equals("pick")) {
              return new ReturnHookedMethod(mv, access, name, descriptor) {
                @Override
                protected void emitBeforeReturn(int opcode) {
                  dup();
                  loadThis();
                  visitMethodInsn(INVOKESTATIC, HOOKS, "returned", "(Ljava/lang/Object;Ljava/lang/Object;)V", false);
                }
              };
            }
            return mv;
          }
        };
      }
    };
    byte[] woven = new WeavingTransformer(List.of(instrumentation))
        .transform(ReturnHookedMethodTest.class.getClassLoader(), Type.getInternalName(Built.class), null, null, original);
    return new ClassLoader(ReturnHookedMethodTest.class.getClassLoader()) {
      Class<?> define() {
        return defineClass(Built.class.getName(), woven, 0, woven.length);
      }
    }.define();
  }

  private static Object construct(Class<?> c, String name) throws Throwable {
    Constructor<?> constructor = c.getConstructor(String.class);
    try {
      return constructor.newInstance(name);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Test
  void theConstructorHookSeesTheFinishedObjectOnEveryReturn() throws Throwable {
    Class<?> c = weave();
    Object shortName = construct(c, "ab");
    Object longName = construct(c, "abcdef");
    assertEquals("ab", c.getMethod("name").invoke(shortName));
    assertEquals("abcdef", c.getMethod("name").invoke(longName));
    assertEquals(List.of("constructed Built from ab", "constructed Built from abcdef"), ReturnHooks.EVENTS);
  }

  @Test
  void aThrowingConstructorCallsNoHook() throws Throwable {
    Class<?> c = weave();
    assertThrows(IllegalArgumentException.class, () -> construct(c, null));
    assertEquals(List.of(), ReturnHooks.EVENTS);
  }

  @Test
  void aMethodHookSeesEachReturnedValueAndNotAThrow() throws Throwable {
    Class<?> c = weave();
    Object built = construct(c, "x");
    ReturnHooks.EVENTS.clear();
    assertEquals("zero", c.getMethod("pick", int.class).invoke(built, 0));
    assertEquals(7, c.getMethod("pick", int.class).invoke(built, 7));
    InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
        () -> c.getMethod("pick", int.class).invoke(built, -1));
    assertEquals(IllegalStateException.class, thrown.getCause().getClass());
    assertEquals(List.of("returned zero by Built", "returned 7 by Built"), ReturnHooks.EVENTS);
  }
}
