package io.weft.instrumentations.executor;

import io.weft.instrumentations.weaving.ClassHeader;
import io.weft.instrumentations.weaving.HookedMethod;
import io.weft.instrumentations.weaving.MethodSelector;
import io.weft.instrumentations.weaving.TypeInstrumentation;
import java.util.Set;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Type;

/**
 * {@code java.util.concurrent.ForkJoinTask.doExec()}, the final method through which every
 * fork-join task runs, whoever runs it (a worker taking it from a queue, a worker helping while it
 * joins, a caller running its own task). The hooks measure it on pool workers only. It returns the
 * status on Java 17 ({@code ()I}) and nothing on Java 21+ ({@code ()V}); both shapes are hooked.
 */
public final class ForkJoinTaskInstrumentation implements TypeInstrumentation {

  static final String TYPE = "java/util/concurrent/ForkJoinTask";
  private static final String HOOKS = ThreadPoolExecutorInstrumentation.HOOKS;

  @Override
  public Set<String> typeNames() {
    return Set.of(TYPE);
  }

  @Override
  public ClassVisitor rewrite(ClassVisitor next, ClassHeader header) {
    return new MethodSelector(new MethodSelector(next, "doExec", "()I", DoExec::new), "doExec", "()V", DoExec::new);
  }

  /** {@code start = forkJoinTaskStarting(this); try { body } finally-like { forkJoinTaskEnded(thrown, start); }} */
  private static final class DoExec extends HookedMethod {
    private int start;

    DoExec(MethodSelector.Target t) {
      super(t.next(), t.owner(), t.access(), t.name(), t.descriptor(), t.classVersion());
    }

    @Override
    protected void emitEnter() {
      start = newLocal(Type.LONG_TYPE);
      loadThis();
      visitMethodInsn(INVOKESTATIC, HOOKS, "forkJoinTaskStarting", "(Ljava/lang/Object;)J", false);
      storeLocal(start);
    }

    @Override
    protected void emitExit() {
      // stack: thrown-or-null
      loadLocal(start);
      visitMethodInsn(INVOKESTATIC, HOOKS, "forkJoinTaskEnded", "(Ljava/lang/Throwable;J)V", false);
    }
  }
}
