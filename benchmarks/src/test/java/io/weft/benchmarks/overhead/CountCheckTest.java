package io.weft.benchmarks.overhead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CountCheckTest {

  private static RunResult.CountCheck window(long delta, long completed) {
    return new RunResult.CountCheck(true, delta, completed, 8, 500, 500, 0);
  }

  @Test
  void underLoadTheAgentMayCountUpToOneInFlightRequestPerConnectionMore() {
    assertTrue(window(1000, 1000).windowPassed());
    assertTrue(window(1008, 1000).windowPassed());
    assertFalse(window(999, 1000).windowPassed());
    assertFalse(window(1009, 1000).windowPassed());
  }

  @Test
  void theSequentialBatchMustBeCountedExactly() {
    assertTrue(new RunResult.CountCheck(true, 10, 10, 8, 500, 500, 0).sequentialPassed());
    assertFalse(new RunResult.CountCheck(true, 10, 10, 8, 500, 499, 0).sequentialPassed());
    assertFalse(new RunResult.CountCheck(true, 10, 10, 8, 500, 501, 0).sequentialPassed());
  }

  @Test
  void aMiscountingAgentOrAnErrorMakesTheRunInvalidWithTheReason() {
    WrkLoad.Result clean = new WrkLoad.Result(1000, 0, 0, 0, 0, 0, 0.3, 1.0);
    assertTrue(run(clean, window(1003, 1000)).valid());

    RunResult undercounted = run(clean, window(900, 1000));
    assertEquals(List.of("agent counted 900 requests in the window, wrk completed 1000 (allowed 1000 to 1008)"),
        undercounted.problems());

    WrkLoad.Result timeouts = new WrkLoad.Result(1000, 2, 0, 1, 0, 3, 0.3, 1.0);
    assertEquals(List.of("wrk socket errors: connect 0, read 1, write 0, timeout 3",
        "2 responses with status 400 or more under load"), run(timeouts, window(1000, 1000)).problems());
  }

  @Test
  void withoutAnAgentOnlyTheLoadIsChecked() {
    WrkLoad.Result clean = new WrkLoad.Result(1000, 0, 0, 0, 0, 0, 0.3, 1.0);
    assertTrue(run(clean, RunResult.CountCheck.notApplicable(500, 0)).valid());
    assertFalse(run(clean, RunResult.CountCheck.notApplicable(500, 3)).valid());
  }

  private static RunResult run(WrkLoad.Result load, RunResult.CountCheck count) {
    return new RunResult(Configuration.WEFT, 0, 900, 70, 0.3, 1.0, 600, 6, 9, load,
        new RunResult.Allocation(0, 0, 0, 0), List.of(), 0, Map.of(), count);
  }
}
