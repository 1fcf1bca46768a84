package io.weft.bootstrap.context;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Whether the current thread is a virtual thread, on a JVM that has them (Java 21+), from code
 * compiled for Java 17. A virtual thread usually lives for one task, so per-thread caches that pay
 * for themselves over a platform thread's life are a cost per task on it.
 */
public final class VirtualThreads {

  /** {@code Thread.isVirtual()}, or null before Java 21. */
  private static final MethodHandle IS_VIRTUAL = isVirtualHandle();

  private VirtualThreads() {}

  private static MethodHandle isVirtualHandle() {
    try {
      return MethodHandles.publicLookup().findVirtual(Thread.class, "isVirtual", MethodType.methodType(boolean.class));
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }

  /** True on a virtual thread. Cost: a type check of the current thread once compiled; allocates nothing. */
  public static boolean isCurrent() {
    if (IS_VIRTUAL == null) {
      return false;
    }
    try {
      return (boolean) IS_VIRTUAL.invokeExact(Thread.currentThread());
    } catch (Throwable t) {
      return false;
    }
  }
}
