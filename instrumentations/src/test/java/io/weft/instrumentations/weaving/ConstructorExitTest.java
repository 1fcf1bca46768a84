package io.weft.instrumentations.weaving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import example.targets.Constructed;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Type;

/**
 * Rewrites every constructor of {@link Constructed} to call a hook before each return, loads it
 * with the verifier on, and checks that the objects come out the same and the hook runs once per
 * returning constructor, with the finished object.
 */
class ConstructorExitTest {

  private static final String HOOKS = Type.getInternalName(EventHooks.class);
  private Class<?> woven;

  @BeforeEach
  void weave() {
    EventHooks.EVENTS.clear();
    woven = Woven.load(Constructed.class, (next, header) -> ConstructorExit.callWithThis(next, HOOKS, "constructed"));
  }

  private static String how(Object constructed) throws ReflectiveOperationException {
    return (String) constructed.getClass().getField("how").get(constructed);
  }

  @Test
  void eachReturnCallsTheHookWithTheFinishedObject() throws Throwable {
    assertEquals("given", how(Woven.construct(woven, new Class<?>[] {String.class}, "given")));
    assertEquals("empty", how(Woven.construct(woven, new Class<?>[] {String.class}, "")));
    assertEquals(List.of("constructed Constructed how=given", "constructed Constructed how=empty"), EventHooks.EVENTS);
  }

  @Test
  void aDelegatingConstructorCallsTheHookOncePerConstructorOnTheChain() throws Throwable {
    assertEquals("default", how(Woven.construct(woven, new Class<?>[] {})));
    assertEquals(List.of("constructed Constructed how=default", "constructed Constructed how=default"),
        EventHooks.EVENTS);
  }

  @Test
  void theConstructorsOwnHandlerAndBranchesStillWork() throws Throwable {
    assertEquals("50", how(Woven.construct(woven, new Class<?>[] {int.class}, 2)));
    assertEquals("div0", how(Woven.construct(woven, new Class<?>[] {int.class}, 0)));
    assertEquals("short 1", how(Woven.construct(woven, new Class<?>[] {int.class}, 100)));
    assertEquals(3, EventHooks.EVENTS.size());
  }

  @Test
  void aConstructorThatThrowsCallsNoHookAndThrowsUnchanged() throws Throwable {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Woven.construct(woven, new Class<?>[] {boolean.class}, true));
    assertEquals("refused", e.getMessage());
    assertEquals(List.of(), EventHooks.EVENTS);
    assertEquals("ok", how(Woven.construct(woven, new Class<?>[] {boolean.class}, false)));
    assertEquals(List.of("constructed Constructed how=ok"), EventHooks.EVENTS);
  }
}
