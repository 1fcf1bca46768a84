package io.weft.instrumentations.weaving;

import java.util.ArrayList;
import java.util.List;

/** Hooks for the constructor-exit and entry tests: record what they were given. */
public final class EventHooks {
  public static final List<String> EVENTS = new ArrayList<>();

  private EventHooks() {}

  /** Records the constructed object's class and its {@code how} field, read reflectively (the woven class lives in its own loader). */
  public static void constructed(Object receiver) {
    try {
      Object how = receiver.getClass().getField("how").get(receiver);
      EVENTS.add("constructed " + receiver.getClass().getSimpleName() + " how=" + how);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  public static void entered(Object receiver, Object firstArgument) {
    EVENTS.add("entered " + (receiver == null ? "static" : receiver.getClass().getSimpleName()) + " " + firstArgument);
  }
}
