package io.weft.instrumentations.weaving;

import java.util.ArrayList;
import java.util.List;

/** Hooks the return-hook weaving test calls: records what it was given. */
public final class ReturnHooks {
  public static final List<String> EVENTS = new ArrayList<>();

  private ReturnHooks() {}

  public static void constructed(Object built, String argument) {
    EVENTS.add("constructed " + built.getClass().getSimpleName() + " from " + argument);
  }

  public static void returned(Object value, Object receiver) {
    EVENTS.add("returned " + value + " by " + receiver.getClass().getSimpleName());
  }
}
