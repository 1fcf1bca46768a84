package io.weft.instrumentations.httpclient;

import io.weft.bootstrap.log.WeftLog;

/**
 * A library's method handles (a hook's {@code Access}), resolved once per class of the objects the
 * hook is handed, from that class's loader: a library loaded twice (two web applications) gets its own
 * handles each time, and they go away with the loader. A library without what the hook expects
 * yields null, with one warning, and its calls go unmeasured.
 */
final class HandlesPerClass<T> extends ClassValue<T> {

  /** Resolves the handles as one class loader sees the library. */
  interface Resolver<T> {
    T resolve(ClassLoader loader) throws ReflectiveOperationException;
  }

  private final String library;
  private final Resolver<T> resolver;

  HandlesPerClass(String library, Resolver<T> resolver) {
    this.library = library;
    this.resolver = resolver;
  }

  @Override
  protected T computeValue(Class<?> type) {
    try {
      return resolver.resolve(type.getClassLoader());
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      WeftLog.warn(library + " requests made with " + type.getName() + " are not measured: " + e);
      return null;
    }
  }
}
