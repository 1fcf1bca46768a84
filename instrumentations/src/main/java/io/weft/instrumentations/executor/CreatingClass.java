package io.weft.instrumentations.executor;

import java.util.HashSet;
import java.util.Set;

/**
 * The class whose code constructed an executor, read from the stack once, at construction: the
 * first frame that is not the executor's own class or superclasses (their constructors chain), not
 * a JDK factory such as {@code Executors.newFixedThreadPool}, and not this package's hooks.
 * Reflection and hidden frames are skipped by {@link StackWalker} itself, so a pool built
 * reflectively by a framework names the framework's class.
 *
 * <p>Cost: a stack walk that stops at the first such frame, a few microseconds per executor.
 */
final class CreatingClass {

  private static final StackWalker WALKER = StackWalker.getInstance();
  private static final String HOOKS_PACKAGE = CreatingClass.class.getPackageName() + ".";

  private CreatingClass() {}

  /** The creating class's name, or null if the stack holds none (an executor built by the JVM). */
  static String of(Object executor) {
    Set<String> own = new HashSet<>();
    for (Class<?> c = executor.getClass(); c != null; c = c.getSuperclass()) {
      own.add(c.getName());
    }
    return WALKER.walk(frames -> frames
        .map(StackWalker.StackFrame::getClassName)
        .filter(name -> !own.contains(name) && !name.startsWith(HOOKS_PACKAGE)
            && !name.startsWith("java.util.concurrent.Executors"))
        .findFirst()
        .orElse(null));
  }

  /**
   * Whether executors created by this class are left alone: the agent's own (its scrape server's
   * pool), and the JDK's (the virtual-thread scheduler, HttpClient's and CompletableFuture's
   * internal pools), which the application did not ask for.
   */
  static boolean isLeftAlone(String creator) {
    return creator != null && (isAgent(creator) || PoolName.isJdkClass(creator));
  }

  private static boolean isAgent(String className) {
    return className.startsWith("io.weft.agent.") || className.startsWith("io.weft.bootstrap.")
        || className.startsWith("io.weft.instrumentations.") || className.startsWith("io.weft.collectors.");
  }
}
