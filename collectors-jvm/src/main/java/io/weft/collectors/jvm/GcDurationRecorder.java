package io.weft.collectors.jvm;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.weft.bootstrap.log.WeftLog;
import io.weft.bootstrap.metrics.AttributeKey;
import io.weft.bootstrap.metrics.Buckets;
import io.weft.bootstrap.metrics.Histogram;
import io.weft.bootstrap.metrics.MetricDescriptor;
import io.weft.bootstrap.metrics.MetricKind;
import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.collectors.jvm.platform.JdkManagement;
import java.lang.management.GarbageCollectorMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Records each garbage collection into {@code jvm.gc.duration} when the JVM announces it: event
 * driven, nothing polls and nothing samples.
 *
 * <pre>{@code
 * GcDurationRecorder gc = GcDurationRecorder.install(registry,
 *     ManagementFactory.getGarbageCollectorMXBeans());   // null if the JVM cannot notify
 * ...
 * gc.close();                                            // stops listening (tests)
 * }</pre>
 *
 * <p>Each collector MXBean sends a {@code com.sun.management.gc.notification} after every
 * collection it performs; the notification carries the collector's name, the action ({@code end of
 * minor GC}, {@code end of major GC}, {@code end of GC cycle}, {@code end of GC pause}, ...), the
 * cause ({@code System.gc()}, {@code G1 Evacuation Pause}, ...) and a duration in whole
 * milliseconds, which is converted to seconds (so a pause under 1 ms is recorded as 0). The JDK
 * delivers notifications on its own notification thread, shortly after the collection.
 *
 * <p>Listeners are added once per registry: installing again into the same registry returns the
 * recorder already listening, so no collection is counted twice.
 */
public final class GcDurationRecorder implements NotificationListener, AutoCloseable {

  public static final MetricDescriptor DURATION = new MetricDescriptor("jvm.gc.duration",
      MetricKind.HISTOGRAM, "s", "Duration of JVM garbage collection actions.",
      List.of(AttributeKey.string("jvm.gc.name").recommended(), AttributeKey.string("jvm.gc.action").recommended(),
          AttributeKey.string("jvm.gc.cause").optIn()));

  public static final List<MetricDescriptor> METRICS = List.of(DURATION);

  private static final double MILLIS_PER_SECOND = 1000.0;

  /** Weak keys: a registry that is no longer used does not stay reachable through this map. */
  private static final Map<MetricRegistry, GcDurationRecorder> INSTALLED = new WeakHashMap<>();

  private final MetricRegistry registry;
  private final Histogram duration;
  private final List<NotificationEmitter> emitters = new ArrayList<>();

  private GcDurationRecorder(MetricRegistry registry, Histogram duration) {
    this.registry = registry;
    this.duration = duration;
  }

  /**
   * Registers {@code jvm.gc.duration} and listens to every collector that can notify. Returns null,
   * registering nothing, when this JVM has no GC notifications.
   */
  public static GcDurationRecorder install(MetricRegistry registry, List<GarbageCollectorMXBean> collectors) {
    if (!JdkManagement.hasGcNotifications()) {
      return null;
    }
    synchronized (INSTALLED) {
      GcDurationRecorder existing = INSTALLED.get(registry);
      if (existing != null) {
        return existing;
      }
      Histogram histogram = registry.histogram(DURATION.name())
          .unit(DURATION.unit())
          .description(DURATION.description())
          .attributeKeys(DURATION.attributeKeys().toArray(new String[0]))
          .buckets(Buckets.GC_SECONDS)
          .register();
      GcDurationRecorder recorder = new GcDurationRecorder(registry, histogram);
      for (GarbageCollectorMXBean collector : collectors) {
        if (collector instanceof NotificationEmitter emitter) {
          emitter.addNotificationListener(recorder, null, null);
          recorder.emitters.add(emitter);
        }
      }
      INSTALLED.put(registry, recorder);
      return recorder;
    }
  }

  /** Runs on the JDK's notification thread once per collection; never throws. */
  @Override
  public void handleNotification(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
      return;
    }
    try {
      GarbageCollectionNotificationInfo info =
          GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
      duration
          .bind(info.getGcName(), info.getGcAction(), info.getGcCause())
          .record(info.getGcInfo().getDuration() / MILLIS_PER_SECOND);
    } catch (RuntimeException e) {
      WeftLog.warnLimited("gc-notification",
          "could not read a GC notification; that collection is missing from jvm.gc.duration: " + e);
    }
  }

  /** Stops listening. The histogram stays registered with what it has recorded. */
  @Override
  public void close() {
    synchronized (INSTALLED) {
      for (NotificationEmitter emitter : emitters) {
        try {
          emitter.removeNotificationListener(this);
        } catch (ListenerNotFoundException ignored) {
          // Already removed: nothing left to stop.
        }
      }
      emitters.clear();
      INSTALLED.remove(registry, this);
    }
  }
}
