package io.weft.instrumentations.hikaricp;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;

/**
 * Reads HikariCP objects, whose classes live in the application's class loader (this class is on
 * the bootstrap class path and cannot name them): public {@code HikariPoolMXBean} and {@code
 * HikariConfigMXBean} methods for the state, resolved once per pool class; two fields for what no
 * public method gives (a pool's configuration, when the pool was not seen being constructed, and a
 * connection's borrow time).
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
        Class<?> poolBean = Class.forName("com.zaxxer.hikari.HikariPoolMXBean", false, loader);
        Class<?> configBean = Class.forName("com.zaxxer.hikari.HikariConfigMXBean", false, loader);
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        MethodType intGetter = MethodType.methodType(int.class);
        MethodType objectToInt = MethodType.methodType(int.class, Object.class);
        return new Accessors(
            lookup.findVirtual(poolBean, "getIdleConnections", intGetter).asType(objectToInt),
            lookup.findVirtual(poolBean, "getActiveConnections", intGetter).asType(objectToInt),
            lookup.findVirtual(poolBean, "getThreadsAwaitingConnection", intGetter).asType(objectToInt),
            lookup.findVirtual(configBean, "getMinimumIdle", intGetter).asType(objectToInt),
            lookup.findVirtual(configBean, "getMaximumPoolSize", intGetter).asType(objectToInt),
            lookup.findVirtual(configBean, "getPoolName", MethodType.methodType(String.class))
                .asType(MethodType.methodType(String.class, Object.class)));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("not a HikariCP pool this version of Weft can read: " + poolClass, e);
      }
    }
  };

  /** {@code PoolEntry.lastBorrowed}, a {@code System.nanoTime()} reading, per PoolEntry class. */
  private static final ClassValue<MethodHandle> LAST_BORROWED = new ClassValue<>() {
    @Override
    protected MethodHandle computeValue(Class<?> entryClass) {
      try {
        Field f = entryClass.getDeclaredField("lastBorrowed");
        f.setAccessible(true);
        return MethodHandles.lookup().unreflectGetter(f).asType(MethodType.methodType(long.class, Object.class));
      } catch (ReflectiveOperationException | RuntimeException e) {
        return null;
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

  /**
   * When the connection in {@code poolEntry} was borrowed ({@code System.nanoTime()}), or {@link
   * Long#MIN_VALUE} if this HikariCP version does not say. Cost: one field read through a cached
   * handle.
   */
  static long lastBorrowed(Object poolEntry) {
    MethodHandle getter = LAST_BORROWED.get(poolEntry.getClass());
    if (getter == null) {
      return Long.MIN_VALUE;
    }
    try {
      return (long) getter.invokeExact(poolEntry);
    } catch (Throwable t) {
      return Long.MIN_VALUE;
    }
  }
}
