package io.weft.bootstrap.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WeftLogTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  @AfterEach
  void restore() {
    WeftLog.setOutput(System.err);
    WeftLog.setLevel(WeftLog.Level.INFO);
  }

  private List<String> lines() {
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void linesArePrefixedAndFilteredByLevel() {
    WeftLog.setOutput(new PrintStream(out, true, StandardCharsets.UTF_8));
    WeftLog.setLevel(WeftLog.Level.WARN);
    WeftLog.error("e");
    WeftLog.warn("w");
    WeftLog.info("i");
    WeftLog.debug("d");
    assertEquals(List.of("[weft] ERROR e", "[weft] WARN w"), lines());
  }

  @Test
  void repeatedLimitedWarningsArePrintedOncePerKey() {
    WeftLog.setOutput(new PrintStream(out, true, StandardCharsets.UTF_8));
    for (int i = 0; i < 5; i++) {
      WeftLog.warnLimited("test-key-a", "a " + i);
      WeftLog.warnLimited("test-key-b", "b " + i);
    }
    assertEquals(List.of("[weft] WARN a 0", "[weft] WARN b 0"), lines());
  }
}
