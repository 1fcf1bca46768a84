package example.apps;

import java.util.concurrent.ThreadFactory;

/** Thread factories as applications and frameworks write them, for the pool-naming tests. */
public final class NamedFactories {
  private NamedFactories() {}

  /** Like Spring's CustomizableThreadFactory: says its prefix through a public getter. */
  public static final class PrefixFactory implements ThreadFactory {
    private final String prefix;

    public PrefixFactory(String prefix) {
      this.prefix = prefix;
    }

    public String getThreadNamePrefix() {
      return prefix;
    }

    @Override
    public Thread newThread(Runnable r) {
      return new Thread(r, "t-1");
    }
  }

  /** Like Jetty's ExecutorThreadPool: a name that differs from its threads' names. */
  public static final class NamedPool implements ThreadFactory {
    @Override
    public Thread newThread(Runnable r) {
      return new Thread(r, "x-1");
    }

    public String getName() {
      return "orders-pool";
    }
  }

  /** A getter that fails names nothing. */
  public static final class ThrowingName implements ThreadFactory {
    @Override
    public Thread newThread(Runnable r) {
      return new Thread(r);
    }

    public String getName() {
      throw new IllegalStateException("not configured yet");
    }
  }

  /** No getter: only its threads' names can tell. */
  public static final class Plain implements ThreadFactory {
    @Override
    public Thread newThread(Runnable r) {
      return new Thread(r, "plain-9");
    }
  }
}
