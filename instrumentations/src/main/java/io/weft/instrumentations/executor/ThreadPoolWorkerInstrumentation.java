package io.weft.instrumentations.executor;

import io.weft.instrumentations.weaving.ClassHeader;
import io.weft.instrumentations.weaving.ConstructorExit;
import io.weft.instrumentations.weaving.TypeInstrumentation;
import java.util.Set;
import org.objectweb.asm.ClassVisitor;

/**
 * {@code ThreadPoolExecutor.Worker}: its constructor asks the pool's thread factory for the
 * worker's thread, so on its exit the first thread of a pool is at hand to name the pool by. The
 * woven code reads the worker's {@code thread} and its enclosing pool ({@code this$0}), after
 * checking that this JDK has those fields.
 */
public final class ThreadPoolWorkerInstrumentation implements TypeInstrumentation {

  static final String TYPE = ThreadPoolExecutorInstrumentation.TYPE + "$Worker";
  private static final String POOL_FIELD = "this$0";
  private static final String POOL_DESCRIPTOR = "L" + ThreadPoolExecutorInstrumentation.TYPE + ";";
  private static final String THREAD_FIELD = "thread";
  private static final String THREAD_DESCRIPTOR = "Ljava/lang/Thread;";

  @Override
  public Set<String> typeNames() {
    return Set.of(TYPE);
  }

  @Override
  public ClassVisitor rewrite(ClassVisitor next, ClassHeader header) {
    KnownFields fields = new KnownFields(next);
    return ConstructorExit.everyConstructor(fields, t -> {
      fields.require(POOL_FIELD, POOL_DESCRIPTOR);
      fields.require(THREAD_FIELD, THREAD_DESCRIPTOR);
      return new ConstructorExit(t.next()) {
        @Override
        protected void emitExit() {
          visitVarInsn(ALOAD, 0);
          visitFieldInsn(GETFIELD, TYPE, POOL_FIELD, POOL_DESCRIPTOR);
          visitVarInsn(ALOAD, 0);
          visitFieldInsn(GETFIELD, TYPE, THREAD_FIELD, THREAD_DESCRIPTOR);
          visitMethodInsn(INVOKESTATIC, ThreadPoolExecutorInstrumentation.HOOKS, "workerCreated",
              "(Ljava/lang/Object;Ljava/lang/Thread;)V", false);
        }
      };
    });
  }
}
