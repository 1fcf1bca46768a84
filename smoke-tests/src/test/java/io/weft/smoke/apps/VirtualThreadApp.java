package io.weft.smoke.apps;

import static io.weft.smoke.apps.AppSupport.await;
import static io.weft.smoke.apps.AppSupport.result;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Thread-per-task executors on Java 21+ (reached by reflection: the smoke tests compile for Java
 * 17): twelve tasks on {@code newVirtualThreadPerTaskExecutor()}, two submissions refused after
 * shutdown, and three tasks on virtual threads named {@code vt-N}.
 */
public final class VirtualThreadApp {

  public static final int TASKS = 12;
  public static final int REFUSED = 2;
  public static final int NAMED_TASKS = 3;

  private VirtualThreadApp() {}

  public static void main(String[] args) throws Exception {
    ExecutorService virtual =
        AppSupport.keep((ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null));
    CountDownLatch done = new CountDownLatch(TASKS);
    boolean[] onVirtualThreads = {true};
    for (int i = 0; i < TASKS; i++) {
      Runnable task = () -> {
        onVirtualThreads[0] &= Thread.currentThread().getClass().getName().equals("java.lang.VirtualThread");
        AppSupport.sleep(5);
        done.countDown();
      };
      if (i % 2 == 0) {
        virtual.execute(task);
      } else {
        virtual.submit(task);
      }
    }
    await(done);
    result("virtual.on-virtual-threads", onVirtualThreads[0]);
    virtual.shutdown();
    int refused = 0;
    for (int i = 0; i < REFUSED; i++) {
      try {
        virtual.execute(() -> {});
      } catch (RejectedExecutionException e) {
        refused++;
      }
    }
    result("virtual.refused", refused);

    Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
    Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
    builder = ofVirtual.getMethod("name", String.class, long.class).invoke(builder, "vt-", 0L);
    ThreadFactory factory = (ThreadFactory) ofVirtual.getMethod("factory").invoke(builder);
    ExecutorService named = AppSupport.keep(
        (ExecutorService) Executors.class.getMethod("newThreadPerTaskExecutor", ThreadFactory.class).invoke(null, factory));
    CountDownLatch namedDone = new CountDownLatch(NAMED_TASKS);
    for (int i = 0; i < NAMED_TASKS; i++) {
      named.execute(namedDone::countDown);
    }
    await(namedDone);
    named.shutdown();
    result("named.terminated", named.awaitTermination(60, TimeUnit.SECONDS));
    AppSupport.readyAndStay();
  }
}
