package io.weft.instrumentations.weaving;

import java.util.ArrayList;
import java.util.List;

/** Hooks the test weaving calls: records what it was given. */
public final class RecordingHooks {
  public static final List<String> EVENTS = new ArrayList<>();

  private RecordingHooks() {}

  public static long enter(Object receiver) {
    EVENTS.add("enter " + (receiver == null ? "static" : receiver.getClass().getSimpleName()));
    return 42L;
  }

  public static void exit(Object receiver, Throwable thrown, long token) {
    EVENTS.add("exit " + (thrown == null ? "normally" : thrown.getClass().getSimpleName()) + " token=" + token);
  }
}
