package io.weft.smoke.harness;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The promtool wrapper fails on what it must and lets the semantic-convention names through. */
class PromtoolTest {

  @BeforeEach
  void requirePromtool() {
    // Outside CI a missing promtool skips here, rather than inside assertThrows below.
    Executables.require("promtool", "Debian: apt-get install prometheus");
  }

  @Test
  void passesCleanTextAndAllowListedNames() {
    Promtool.assertPasses(
        "# HELP jvm_class_loaded_total Classes loaded.\n# TYPE jvm_class_loaded_total counter\njvm_class_loaded_total 5\n"
            + "# HELP jvm_thread_count Threads.\n# TYPE jvm_thread_count gauge\njvm_thread_count 7\n");
  }

  @Test
  void failsOnLintFindingsOutsideTheAllowList() {
    assertThrows(
        AssertionFailedError.class,
        () -> Promtool.assertPasses("# HELP queue_count Items.\n# TYPE queue_count gauge\nqueue_count 1\n"));
    assertThrows(AssertionFailedError.class, () -> Promtool.assertPasses("# TYPE no_help gauge\nno_help 1\n"));
  }

  @Test
  void failsOnParseErrors() {
    assertThrows(AssertionFailedError.class, () -> Promtool.assertPasses("broken{ 1\n"));
  }
}
