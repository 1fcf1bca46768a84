package io.weft.agent;

import io.weft.agent.startup.AgentStartup;
import io.weft.agent.startup.BootstrapJar;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.jar.JarFile;

/**
 * The agent's entry points, named in the jar manifest as {@code Premain-Class} and {@code Agent-Class}.
 *
 * <p>First puts the nested bootstrap jar on the boot class path, so that the metric model is one
 * copy visible from every class loader; only then hands over to {@link AgentStartup}. This class
 * must therefore never reference an {@code io.weft.bootstrap} class (nor a class that does, except
 * through that hand-over): the JVM would load it from the wrong place, or fail to find it.
 *
 * <p>Nothing escapes: every failure ends in one {@code [weft] ERROR} line on stderr and the
 * application runs on without the agent.
 */
public final class WeftAgent {
  private static final AtomicBoolean started = new AtomicBoolean();
  private static volatile boolean bootstrapOnPath;

  private WeftAgent() {}

  /** Called by the JVM for {@code -javaagent:weft-agent.jar}, before the application's main. */
  public static void premain(String agentArguments, Instrumentation instrumentation) {
    start(agentArguments, instrumentation);
  }

  /** Called by the JVM when the agent is attached to a running process. */
  public static void agentmain(String agentArguments, Instrumentation instrumentation) {
    start(agentArguments, instrumentation);
  }

  private static void start(String agentArguments, Instrumentation instrumentation) {
    long startedNanos = System.nanoTime();
    try {
      // The same class (so the same flag) serves every copy: the JVM loads Premain-Class through the
      // system class loader, which finds the first copy of the jar on its path.
      if (!started.compareAndSet(false, true)) {
        if (bootstrapOnPath) {
          AgentStartup.alreadyRunning();
        } else {
          error("Weft was given twice and the first copy failed to start; ignoring the second");
        }
        return;
      }
      BootstrapJar jar = BootstrapJar.of(WeftAgent.class);
      Path extracted = jar.extractTo(Path.of(System.getProperty("java.io.tmpdir")));
      try (JarFile bootstrap = new JarFile(extracted.toFile(), false)) {
        instrumentation.appendToBootstrapClassLoaderSearch(bootstrap);
      }
      bootstrapOnPath = true;
      AgentStartup.start(instrumentation, agentArguments, jar.version(), startedNanos, System.nanoTime());
    } catch (Throwable t) {
      error("the agent failed to start and is off: " + t.getMessage() + " (" + t.getClass().getName() + ")");
    }
  }

  /** Before the bootstrap jar is on the path there is no WeftLog; errors are always printed anyway. */
  private static void error(String message) {
    try {
      System.err.println("[weft] ERROR " + message);
    } catch (Throwable ignored) {
      // Nowhere left to report it.
    }
  }
}
