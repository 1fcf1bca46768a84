package io.weft.instrumentations.executor;

import io.weft.instrumentations.weaving.ClassHeader;
import io.weft.instrumentations.weaving.ConstructorExit;
import io.weft.instrumentations.weaving.HookedMethod;
import io.weft.instrumentations.weaving.MethodSelector;
import io.weft.instrumentations.weaving.TypeInstrumentation;
import java.util.Set;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Type;

/**
 * {@code java.util.concurrent.ForkJoinPool}: each constructor registers the pool (the common pool
 * included, built while the class initialises), and the private method every {@code execute},
 * {@code submit} and {@code invoke} goes through notes the submission time and counts rejections:
 * {@code externalSubmit(ForkJoinTask)} on Java 17, {@code poolSubmit(boolean, ForkJoinTask)} on
 * Java 21+ (where a public {@code externalSubmit} calls it; the hooks count the outermost call only).
 * Forked subtasks are pushed without either, so they have a run time but no wait.
 */
public final class ForkJoinPoolInstrumentation implements TypeInstrumentation {

  static final String TYPE = "java/util/concurrent/ForkJoinPool";
  private static final String HOOKS = ThreadPoolExecutorInstrumentation.HOOKS;
  private static final String TASK = "Ljava/util/concurrent/ForkJoinTask;";

  @Override
  public Set<String> typeNames() {
    return Set.of(TYPE);
  }

  @Override
  public ClassVisitor rewrite(ClassVisitor next, ClassHeader header) {
    ClassVisitor cv = ConstructorExit.callWithThis(next, HOOKS, "forkJoinPoolCreated");
    cv = new MethodSelector(cv, "externalSubmit", "(" + TASK + ")" + TASK, Submit::new);
    return new MethodSelector(cv, "poolSubmit", "(Z" + TASK + ")" + TASK, Submit::new);
  }

  /**
   * {@code forkJoinSubmitting(task, this); try { body } finally-like { forkJoinSubmitted(task, this,
   * thrown); }}, the task being the method's {@code ForkJoinTask} argument.
   */
  private static final class Submit extends HookedMethod {
    private final int taskArgument;
    private int task;

    Submit(MethodSelector.Target t) {
      super(t.next(), t.owner(), t.access(), t.name(), t.descriptor(), t.classVersion());
      Type[] arguments = Type.getArgumentTypes(t.descriptor());
      int index = -1;
      for (int i = 0; i < arguments.length; i++) {
        if (arguments[i].getDescriptor().equals(TASK)) {
          index = i;
        }
      }
      this.taskArgument = index;
    }

    @Override
    protected void emitEnter() {
      task = newLocal(Type.getType(Object.class));
      loadArg(taskArgument);
      storeLocal(task);
      loadLocal(task);
      loadThis();
      visitMethodInsn(INVOKESTATIC, HOOKS, "forkJoinSubmitting", "(Ljava/lang/Object;Ljava/lang/Object;)V", false);
    }

    @Override
    protected void emitExit() {
      // stack: thrown-or-null
      loadLocal(task);
      swap();
      loadThis();
      swap();
      visitMethodInsn(INVOKESTATIC, HOOKS, "forkJoinSubmitted",
          "(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Throwable;)V", false);
    }
  }
}
