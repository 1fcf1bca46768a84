package io.weft.instrumentations.executor;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.regex.Pattern;

/**
 * The {@code jvm.executor.name} of a pool: stable across restarts and low in cardinality. In order:
 * <ol>
 *   <li>a name the framework gave the pool: a public {@code getThreadNamePrefix()} or {@code
 *       getName()} on its thread factory, else on the executor (Spring's {@code
 *       CustomizableThreadCreator}, Jetty's {@code ExecutorThreadPool});
 *   <li>else the name of one of its threads with trailing counters removed ({@code orders-7} ->
 *       {@code orders}, {@code http-nio-8080-exec-12} -> {@code http-nio-8080-exec}); the JDK's
 *       own default names ({@code pool-3-thread-1}, {@code ForkJoinPool-2-worker-1}, {@code
 *       Thread-9}) say nothing and are skipped;
 *   <li>else {@code common} for the common pool;
 *   <li>else the class that created the executor, captured once at construction ({@code
 *       com.example.ReportService}), or the executor's own class when that is unknown.
 * </ol>
 * A name is computed once per pool, never per task. Pure functions; no state.
 */
final class PoolName {

  static final String COMMON = "common";

  /** Longer names are cut: a label value is not the place for a paragraph. */
  static final int MAX_LENGTH = 100;

  private static final Pattern JDK_DEFAULT_THREAD_NAME = Pattern.compile(
      "pool-\\d+-thread-\\d+|ForkJoinPool-\\d+-worker-\\d+|ForkJoinPool\\.commonPool-worker-\\d+|Thread-\\d+");

  private static final String[] FRAMEWORK_GETTERS = {"getThreadNamePrefix", "getName"};

  private PoolName() {}

  /**
   * The pool's name by the rules above.
   *
   * @param factory the thread factory, or null when there is none to ask
   * @param executor the executor
   * @param threadName the name of one of the pool's threads, or null when none is at hand
   * @param common whether this is the common {@code ForkJoinPool}
   * @param creator the class that created the executor, or null when unknown
   */
  static String of(Object factory, Object executor, String threadName, boolean common, String creator) {
    String name = frameworkName(factory);
    if (name.isEmpty()) {
      name = frameworkName(executor);
    }
    if (name.isEmpty() && threadName != null) {
      name = threadPrefix(threadName);
    }
    if (name.isEmpty()) {
      name = common ? COMMON : creator != null ? creator : executor.getClass().getName();
    }
    return name.length() > MAX_LENGTH ? name.substring(0, MAX_LENGTH) : name;
  }

  /**
   * The thread name without trailing counters and separators; empty for the JDK's default names
   * and for names that are nothing but a counter.
   */
  static String threadPrefix(String threadName) {
    if (JDK_DEFAULT_THREAD_NAME.matcher(threadName).matches()) {
      return "";
    }
    return stripCounters(threadName);
  }

  /** {@code worker-3-7} -> {@code worker}, {@code exec#12} -> {@code exec}, {@code io.} -> {@code io}. */
  static String stripCounters(String text) {
    int end = text.length();
    while (end > 0 && isCounterOrSeparator(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end).strip();
  }

  private static boolean isCounterOrSeparator(char c) {
    return (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '#' || c == ':' || c == ' '
        || c == '[' || c == ']' || c == '(' || c == ')';
  }

  /**
   * What a framework object says its pool is called: the value of its public {@code
   * getThreadNamePrefix()} or {@code getName()}, if it has one declared outside the JDK, with
   * counters stripped; empty otherwise. Reflection, once per pool.
   */
  static String frameworkName(Object candidate) {
    if (candidate == null || isJdkClass(candidate.getClass().getName())) {
      return "";
    }
    for (String getter : FRAMEWORK_GETTERS) {
      try {
        Method m = candidate.getClass().getMethod(getter);
        if (m.getReturnType() != String.class || isJdkClass(m.getDeclaringClass().getName())
            || !Modifier.isPublic(m.getDeclaringClass().getModifiers())) {
          continue;
        }
        Object value = m.invoke(candidate);
        String name = value instanceof String s ? stripCounters(s) : "";
        if (!name.isEmpty()) {
          return name;
        }
      } catch (NoSuchMethodException e) {
        // not this getter; try the next
      } catch (Throwable t) {
        // a getter that throws or cannot be called names nothing
      }
    }
    return "";
  }

  /** Classes of the JDK itself, by name (the class object may not be at hand). */
  static boolean isJdkClass(String className) {
    return className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.")
        || className.startsWith("com.sun.");
  }
}
