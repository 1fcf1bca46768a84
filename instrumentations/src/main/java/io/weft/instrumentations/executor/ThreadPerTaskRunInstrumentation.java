package io.weft.instrumentations.executor;

import io.weft.instrumentations.weaving.ClassHeader;
import io.weft.instrumentations.weaving.HookedMethod;
import io.weft.instrumentations.weaving.MethodSelector;
import io.weft.instrumentations.weaving.TypeInstrumentation;
import java.util.Set;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Type;

/**
 * The two runners of a thread-per-task executor's tasks, each the body of one task's thread:
 * {@code TaskRunner} ({@code execute}) and {@code ThreadBoundFuture} ({@code submit}). Their
 * {@code run()} is timed; the executor comes from their {@code executor} field.
 */
public final class ThreadPerTaskRunInstrumentation implements TypeInstrumentation {

  private static final String EXECUTOR = ThreadPerTaskExecutorInstrumentation.TYPE;
  private static final String HOOKS = ThreadPoolExecutorInstrumentation.HOOKS;

  @Override
  public Set<String> typeNames() {
    return Set.of(EXECUTOR + "$TaskRunner", EXECUTOR + "$ThreadBoundFuture");
  }

  @Override
  public ClassVisitor rewrite(ClassVisitor next, ClassHeader header) {
    KnownFields fields = new KnownFields(next);
    return new MethodSelector(fields, "run", "()V", t -> {
      fields.require("executor", "L" + EXECUTOR + ";");
      return new Run(t);
    });
  }

  /** {@code start = threadPerTaskStarting(executor); try { body } finally-like { threadPerTaskEnded(executor, thrown, start); }} */
  private static final class Run extends HookedMethod {
    private final String owner;
    private int executor;
    private int start;

    Run(MethodSelector.Target t) {
      super(t.next(), t.owner(), t.access(), t.name(), t.descriptor(), t.classVersion());
      this.owner = t.owner();
    }

    @Override
    protected void emitEnter() {
      executor = newLocal(Type.getType(Object.class));
      start = newLocal(Type.LONG_TYPE);
      loadThis();
      visitFieldInsn(GETFIELD, owner, "executor", "L" + EXECUTOR + ";");
      dup();
      storeLocal(executor);
      visitMethodInsn(INVOKESTATIC, HOOKS, "threadPerTaskStarting", "(Ljava/lang/Object;)J", false);
      storeLocal(start);
    }

    @Override
    protected void emitExit() {
      // stack: thrown-or-null
      loadLocal(executor);
      swap();
      loadLocal(start);
      visitMethodInsn(INVOKESTATIC, HOOKS, "threadPerTaskEnded", "(Ljava/lang/Object;Ljava/lang/Throwable;J)V", false);
    }
  }
}
