package io.weft.instrumentations.weaving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import example.targets.Entered;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rewrites methods of {@link Entered} to call a hook on entry only, loads them with the verifier on
 * and checks that they behave as before and the hook sees the receiver and first argument once per
 * call.
 */
class MethodEntryTest {

  private static final String HOOKS = Type.getInternalName(EventHooks.class);

  @BeforeEach
  void clear() {
    EventHooks.EVENTS.clear();
  }

  /** Hooks {@code entered(this-or-null, first argument boxed as Object)} on one method. */
  private static Class<?> weave(String method, String descriptor) {
    boolean isStatic = method.equals("staticMethod");
    return Woven.load(Entered.class, (ClassVisitor next, ClassHeader header) ->
        new MethodSelector(next, method, descriptor, t -> new MethodEntry(t) {
          @Override
          protected void emitEnter() {
            if (isStatic) {
              visitInsn(ACONST_NULL);
              visitVarInsn(ALOAD, 0);
            } else {
              visitVarInsn(ALOAD, 0);
              visitVarInsn(Opcodes.ILOAD, 1);
              visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "valueOf", "(I)Ljava/lang/Integer;", false);
            }
            visitMethodInsn(INVOKESTATIC, HOOKS, "entered", "(Ljava/lang/Object;Ljava/lang/Object;)V", false);
          }
        }));
  }

  @Test
  void aMethodWhoseFirstInstructionIsABranchTargetVerifiesAndBehaves() throws Throwable {
    Class<?> c = weave("loopFirst", "(I)I");
    Object receiver = c.getConstructor().newInstance();
    assertEquals(new Entered().loopFirst(35), Woven.call(c, receiver, "loopFirst", new Class<?>[] {int.class}, 35));
    assertEquals(new Entered().loopFirst(5), Woven.call(c, receiver, "loopFirst", new Class<?>[] {int.class}, 5));
    assertEquals(List.of("entered Entered 35", "entered Entered 5"), EventHooks.EVENTS);
  }

  @Test
  void staticMethodsSeeTheirArguments() throws Throwable {
    Class<?> c = weave("staticMethod", "(Ljava/lang/String;J)Ljava/lang/String;");
    assertEquals("a7", Woven.call(c, null, "staticMethod", new Class<?>[] {String.class, long.class}, "a", 7L));
    assertEquals(List.of("entered static a"), EventHooks.EVENTS);
  }

  @Test
  void aThrowingMethodThrowsUnchangedAfterTheHook() throws Throwable {
    Class<?> c = Woven.load(Entered.class, (next, header) ->
        new MethodSelector(next, "throwing", "(Ljava/lang/String;)V", t -> new MethodEntry(t) {
          @Override
          protected void emitEnter() {
            visitVarInsn(ALOAD, 0);
            visitVarInsn(ALOAD, 1);
            visitMethodInsn(INVOKESTATIC, HOOKS, "entered", "(Ljava/lang/Object;Ljava/lang/Object;)V", false);
          }
        }));
    Object receiver = c.getConstructor().newInstance();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Woven.call(c, receiver, "throwing", new Class<?>[] {String.class}, "no"));
    assertEquals("no", e.getMessage());
    assertEquals(List.of("entered Entered no"), EventHooks.EVENTS);
  }

  @Test
  void constructorsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new MethodEntry(
        new MethodSelector.Target(null, "x/Y", Opcodes.ACC_PUBLIC, "<init>", "()V", Opcodes.V17)) {
      @Override
      protected void emitEnter() {}
    });
  }
}
