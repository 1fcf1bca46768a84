package io.weft.instrumentations.hikaricp;

import io.weft.instrumentations.handles.Getter;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Field;

/**
 * Reads HikariCP objects, whose classes live in the application's class loader (this class is on
 * the bootstrap class path and cannot name them): public {@code HikariPoolMXBean} and {@code
 * HikariConfigMXBean} methods for the state, resolved once per class; and, for a pool that was not
 * seen being constructed, its {@code config} field, which no public method gives.
 */
final class HikariCalls {

  /** A pool's state at one collection. */
  record PoolState(int idle, int active, int pending, int minimumIdle, int maximumPoolSize) {}

  /** The handles for one pool class (and the configuration class of its loader). */
  private record Accessors(MethodHandle idle, MethodHandle active, MethodHandle pending, MethodHandle minimumIdle,
      MethodHandle maximumPoolSize, MethodHandle poolName) {}

  private static final ClassValue<Accessors> ACCESSORS = new ClassValue<>() {
    @Override
    protected Accessors computeValue(Class<?> poolClass) {
      try {
        ClassLoader loader = poolClass.getClassLoader();
        String poolBean = "com.zaxxer.hikari.HikariPoolMXBean";
        String configBean = "com.zaxxer.hikari.HikariConfigMXBean";
        return new Accessors(
            Getter.of(loader, poolBean, "getIdleConnections"),
            Getter.of(loader, poolBean, "getActiveConnections"),
            Getter.of(loader, poolBean, "getThreadsAwaitingConnection"),
            Getter.of(loader, configBean, "getMinimumIdle"),
            Getter.of(loader, configBean, "getMaximumPoolSize"),
            Getter.of(loader, configBean, "getPoolName"));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("not a HikariCP pool this version of Weft can read: " + poolClass, e);
      }
    }
  };

  private HikariCalls() {}

  /** Reads the pool's state. Throws if the pool cannot be read (the collector then loses this pass). */
  static PoolState state(Object pool, Object config) {
    Accessors a = ACCESSORS.get(pool.getClass());
    try {
      return new PoolState((int) a.idle.invokeExact(pool), (int) a.active.invokeExact(pool),
          (int) a.pending.invokeExact(pool), (int) a.minimumIdle.invokeExact(config),
          (int) a.maximumPoolSize.invokeExact(config));
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  /** The pool's name from its configuration, or {@code unnamed} if it cannot be read. */
  static String poolName(Object config) {
    if (config == null) {
      return "unnamed";
    }
    try {
      Accessors a = ACCESSORS.get(config.getClass()); // any class of that loader finds the interfaces
      String name = (String) a.poolName.invokeExact(config);
      return name == null ? "unnamed" : name;
    } catch (Throwable t) {
      return "unnamed";
    }
  }

  /** The {@code config} field a pool inherits from {@code PoolBase}: for pools created before the agent. */
  static Object configOf(Object pool) {
    for (Class<?> c = pool.getClass(); c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField("config");
        f.setAccessible(true);
        return f.get(pool);
      } catch (NoSuchFieldException e) {
        // look further up
      } catch (ReflectiveOperationException | RuntimeException e) {
        return null;
      }
    }
    return null;
  }
}
