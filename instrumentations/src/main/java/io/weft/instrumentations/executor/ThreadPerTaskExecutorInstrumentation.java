package io.weft.instrumentations.executor;

import io.weft.instrumentations.weaving.ClassHeader;
import io.weft.instrumentations.weaving.ConstructorExit;
import io.weft.instrumentations.weaving.HookedMethod;
import io.weft.instrumentations.weaving.MethodSelector;
import io.weft.instrumentations.weaving.TypeInstrumentation;
import java.util.Set;
import org.objectweb.asm.ClassVisitor;

/**
 * {@code java.util.concurrent.ThreadPerTaskExecutor} (Java 21+; on Java 17 the class does not
 * exist, so nothing is ever rewritten): {@code Executors.newVirtualThreadPerTaskExecutor()} and
 * {@code newThreadPerTaskExecutor(factory)}. The constructor registers the executor with its
 * factory (which tells virtual from platform threads); {@code ensureNotShutdown()} and {@code
 * start(Thread)}, the two places a submission is refused, count rejections. Task runs are timed by
 * {@link ThreadPerTaskRunInstrumentation}.
 */
public final class ThreadPerTaskExecutorInstrumentation implements TypeInstrumentation {

  static final String TYPE = "java/util/concurrent/ThreadPerTaskExecutor";
  private static final String HOOKS = ThreadPoolExecutorInstrumentation.HOOKS;

  @Override
  public Set<String> typeNames() {
    return Set.of(TYPE);
  }

  @Override
  public ClassVisitor rewrite(ClassVisitor next, ClassHeader header) {
    KnownFields fields = new KnownFields(next);
    ClassVisitor cv = ConstructorExit.everyConstructor(fields, t -> {
      fields.require("factory", "Ljava/util/concurrent/ThreadFactory;");
      return new ConstructorExit(t.next()) {
        @Override
        protected void emitExit() {
          visitVarInsn(ALOAD, 0);
          visitVarInsn(ALOAD, 0);
          visitFieldInsn(GETFIELD, TYPE, "factory", "Ljava/util/concurrent/ThreadFactory;");
          visitMethodInsn(INVOKESTATIC, HOOKS, "threadPerTaskCreated", "(Ljava/lang/Object;Ljava/lang/Object;)V", false);
        }
      };
    });
    cv = new MethodSelector(cv, "ensureNotShutdown", "()V", RefusalCheck::new);
    return new MethodSelector(cv, "start", "(Ljava/lang/Thread;)V", RefusalCheck::new);
  }

  /** {@code try { body } finally-like { threadPerTaskSubmitted(this, thrown); }} */
  private static final class RefusalCheck extends HookedMethod {
    RefusalCheck(MethodSelector.Target t) {
      super(t.next(), t.owner(), t.access(), t.name(), t.descriptor(), t.classVersion());
    }

    @Override
    protected void emitEnter() {
      // nothing to note on entry: only the outcome matters
    }

    @Override
    protected void emitExit() {
      // stack: thrown-or-null
      loadThis();
      swap();
      visitMethodInsn(INVOKESTATIC, HOOKS, "threadPerTaskSubmitted", "(Ljava/lang/Object;Ljava/lang/Throwable;)V", false);
    }
  }
}
