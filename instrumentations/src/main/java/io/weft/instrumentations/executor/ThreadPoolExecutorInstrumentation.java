package io.weft.instrumentations.executor;

import io.weft.instrumentations.weaving.ClassHeader;
import io.weft.instrumentations.weaving.ConstructorExit;
import io.weft.instrumentations.weaving.MethodEntry;
import io.weft.instrumentations.weaving.MethodSelector;
import io.weft.instrumentations.weaving.TypeInstrumentation;
import java.util.Set;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.AdviceAdapter;

/**
 * {@code java.util.concurrent.ThreadPoolExecutor}, which {@code ScheduledThreadPoolExecutor} and
 * servers' pools extend (their calls reach these methods through {@code super}):
 * <ul>
 *   <li>each constructor registers the pool;
 *   <li>{@code execute(Runnable)} notes the submission time;
 *   <li>{@code reject(Runnable)}, through which every rejection reaches the handler, counts it;
 *   <li>{@code runWorker}: just before {@code task.run()} the wait is recorded and the clock
 *       started; just before each {@code afterExecute(task, thrown)} call (one after a normal run,
 *       one after a throw) the run time is recorded. Hooking the call sites inside {@code
 *       runWorker}, not the protected methods, keeps this independent of subclasses' overrides and
 *       adds no frame to stack traces.
 * </ul>
 */
public final class ThreadPoolExecutorInstrumentation implements TypeInstrumentation {

  static final String HOOKS = Type.getInternalName(ExecutorHooks.class);
  static final String TYPE = "java/util/concurrent/ThreadPoolExecutor";
  private static final String OBJECT_OBJECT_VOID = "(Ljava/lang/Object;Ljava/lang/Object;)V";

  @Override
  public Set<String> typeNames() {
    return Set.of(TYPE);
  }

  @Override
  public ClassVisitor rewrite(ClassVisitor next, ClassHeader header) {
    ClassVisitor cv = ConstructorExit.callWithThis(next, HOOKS, "threadPoolCreated");
    cv = new MethodSelector(cv, "execute", "(Ljava/lang/Runnable;)V", t -> new MethodEntry(t) {
      @Override
      protected void emitEnter() {
        visitVarInsn(ALOAD, 1);
        visitVarInsn(ALOAD, 0);
        visitMethodInsn(INVOKESTATIC, HOOKS, "submitted", OBJECT_OBJECT_VOID, false);
      }
    });
    cv = new MethodSelector(cv, "reject", "(Ljava/lang/Runnable;)V", t -> new MethodEntry(t) {
      @Override
      protected void emitEnter() {
        visitVarInsn(ALOAD, 1);
        visitVarInsn(ALOAD, 0);
        visitMethodInsn(INVOKESTATIC, HOOKS, "rejected", OBJECT_OBJECT_VOID, false);
      }
    });
    return new MethodSelector(cv, "runWorker", "(L" + TYPE + "$Worker;)V", RunWorker::new);
  }

  /**
   * {@code long start = 0;} on entry; {@code start = taskStarting(task, this);} before {@code
   * task.run()}; {@code taskEnded(this, start);} before each {@code afterExecute}. Straight-line
   * code only, and the new local is assigned on entry, so every existing stack-map frame stays
   * valid with it added. Refuses (the class then runs unchanged) if the method does not have the
   * expected shape: one {@code Runnable.run()} call and at least one {@code afterExecute} call.
   */
  static final class RunWorker extends AdviceAdapter {
    private int start;
    private int runCalls;
    private int afterExecuteCalls;

    RunWorker(MethodSelector.Target t) {
      super(Opcodes.ASM9, t.next(), t.access(), t.name(), t.descriptor());
    }

    @Override
    protected void onMethodEnter() {
      start = newLocal(Type.LONG_TYPE);
      push(0L);
      storeLocal(start);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
      if (opcode == INVOKEINTERFACE && "java/lang/Runnable".equals(owner) && "run".equals(name)
          && "()V".equals(descriptor)) {
        // stack: task
        dup();
        loadThis();
        mv.visitMethodInsn(INVOKESTATIC, HOOKS, "taskStarting", "(Ljava/lang/Object;Ljava/lang/Object;)J", false);
        storeLocal(start);
        runCalls++;
      } else if (opcode == INVOKEVIRTUAL && "afterExecute".equals(name)
          && "(Ljava/lang/Runnable;Ljava/lang/Throwable;)V".equals(descriptor)) {
        // stack: this, task, thrown-or-null (left untouched)
        loadThis();
        loadLocal(start);
        mv.visitMethodInsn(INVOKESTATIC, HOOKS, "taskEnded", "(Ljava/lang/Object;J)V", false);
        afterExecuteCalls++;
      }
      super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
      if (runCalls != 1 || afterExecuteCalls == 0) {
        throw new IllegalStateException("ThreadPoolExecutor.runWorker has an unexpected shape (" + runCalls
            + " task.run() calls, " + afterExecuteCalls + " afterExecute calls)");
      }
      super.visitMaxs(maxStack, maxLocals);
    }
  }
}
