package io.weft.instrumentations.weaving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * A method that stores a caught exception in its {@code int} parameter's slot, as the JDK's
 * dynamic proxy classes do ({@code $Proxy.isValid(int)}): javac never writes such code, so the
 * class is generated here. Woven, it must still verify and behave.
 */
class HookedMethodSlotReuseTest {

  private static final String NAME = "example/targets/ReusesSlots";

  @BeforeEach
  void clear() {
    RecordingHooks.EVENTS.clear();
  }

  /** {@code int check(int n) { try { return 10 / n; } catch (ArithmeticException e) { n = e; return -1; } }}, slot 1 reused. */
  private static byte[] generate() {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
    cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, NAME, null, "java/lang/Object", null);
    MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
    init.visitCode();
    init.visitVarInsn(Opcodes.ALOAD, 0);
    init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    init.visitInsn(Opcodes.RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();
    MethodVisitor m = cw.visitMethod(Opcodes.ACC_PUBLIC, "check", "(I)I", null, null);
    m.visitCode();
    Label start = new Label();
    Label end = new Label();
    Label handler = new Label();
    m.visitTryCatchBlock(start, end, handler, "java/lang/ArithmeticException");
    m.visitLabel(start);
    m.visitIntInsn(Opcodes.BIPUSH, 10);
    m.visitVarInsn(Opcodes.ILOAD, 1);
    m.visitInsn(Opcodes.IDIV);
    m.visitLabel(end);
    m.visitInsn(Opcodes.IRETURN);
    m.visitLabel(handler);
    m.visitVarInsn(Opcodes.ASTORE, 1); // the int parameter's slot now holds the exception
    m.visitInsn(Opcodes.ICONST_M1);
    m.visitInsn(Opcodes.IRETURN);
    m.visitMaxs(0, 0);
    m.visitEnd();
    cw.visitEnd();
    return cw.toByteArray();
  }

  private static Class<?> weave() {
    TypeInstrumentation instrumentation = new TypeInstrumentation() {
      @Override
      public Set<String> typeNames() {
        return Set.of(NAME);
      }

      @Override
      public ClassVisitor rewrite(ClassVisitor next, ClassHeader header) {
        return new MethodSelector(next, "check", "(I)I", t -> new HookedMethod(t.next(), t.owner(), t.access(),
            t.name(), t.descriptor(), t.classVersion()) {
          private int receiver;
          private int token;

          @Override
          protected void emitEnter() {
            receiver = newLocal(Type.getType(Object.class));
            token = newLocal(Type.LONG_TYPE);
            loadThis();
            storeLocal(receiver);
            loadLocal(receiver);
            visitMethodInsn(INVOKESTATIC, Type.getInternalName(RecordingHooks.class), "enter", "(Ljava/lang/Object;)J",
                false);
            storeLocal(token);
          }

          @Override
          protected void emitExit() {
            loadLocal(receiver);
            swap();
            loadLocal(token);
            visitMethodInsn(INVOKESTATIC, Type.getInternalName(RecordingHooks.class), "exit",
                "(Ljava/lang/Object;Ljava/lang/Throwable;J)V", false);
          }
        });
      }
    };
    byte[] woven = new WeavingTransformer(List.of(instrumentation))
        .transform(HookedMethodSlotReuseTest.class.getClassLoader(), NAME, null, null, generate());
    return new ClassLoader(HookedMethodSlotReuseTest.class.getClassLoader()) {
      Class<?> define() {
        return defineClass(NAME.replace('/', '.'), woven, 0, woven.length);
      }
    }.define();
  }

  @Test
  void aParameterSlotHoldingAnotherTypeStillVerifiesAndBehaves()
      throws ReflectiveOperationException {
    Class<?> c = weave();
    Object target = c.getConstructor().newInstance();
    try {
      assertEquals(5, c.getMethod("check", int.class).invoke(target, 2));
      assertEquals(-1, c.getMethod("check", int.class).invoke(target, 0));
    } catch (InvocationTargetException e) {
      throw new AssertionError(e.getCause());
    }
    assertEquals(List.of("enter ReusesSlots", "exit normally token=42", "enter ReusesSlots", "exit normally token=42"),
        RecordingHooks.EVENTS);
  }
}
