package io.weft.collectors.jvm.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmallFileTest {

  @TempDir Path dir;

  private SmallFile fileWith(String content) throws IOException {
    Path p = dir.resolve("f");
    Files.writeString(p, content, StandardCharsets.US_ASCII);
    SmallFile file = new SmallFile(p);
    assertTrue(file.read());
    return file;
  }

  @Test
  void valueOfReadsColonAndBlankSeparatedKeys() throws IOException {
    SmallFile status = fileWith("Name:\tjava\nVmRSS:\t   1640 kB\nThreads:\t27\n");
    assertEquals(1640, status.valueOf("VmRSS"));
    assertEquals(27, status.valueOf("Threads"));

    SmallFile stat = fileWith("nr_periods 1000\nnr_throttled 30\nthrottled_usec 2500000\n");
    assertEquals(30, stat.valueOf("nr_throttled"));
    assertEquals(2500000, stat.valueOf("throttled_usec"));
  }

  @Test
  void valueOfMatchesWholeKeysAtLineStartOnly() throws IOException {
    SmallFile file = fileWith("nr_periods_x 5\nx_nr_periods 6\nnr_periods 7\n");
    assertEquals(7, file.valueOf("nr_periods"));
    assertEquals(SmallFile.ABSENT, file.valueOf("nr_throttled"));
    assertEquals(SmallFile.ABSENT, fileWith("Name:\tjava\n").valueOf("Name"));
  }

  @Test
  void valueOfReadsTheLastLineWithoutNewline() throws IOException {
    assertEquals(42, fileWith("a 1\nb 42").valueOf("b"));
  }

  @Test
  void valueOfReadsKeysWithBlanks() throws IOException {
    SmallFile limits = fileWith(
        "Limit                     Soft Limit           Hard Limit           Units     \n"
            + "Max processes             96364                96364                processes \n"
            + "Max open files            1048576              1048576              files     \n");
    assertEquals(1048576, limits.valueOf("Max open files"));
  }

  @Test
  void fieldReadsBlankSeparatedNumbersAndNonNumbersAsAbsent() throws IOException {
    SmallFile max = fileWith("max 100000\n");
    assertEquals(SmallFile.ABSENT, max.field(0));
    assertEquals(100000, max.field(1));
    assertEquals(SmallFile.ABSENT, max.field(2));
    assertEquals(-1, fileWith("-1\n").field(0));
    assertEquals(9223372036854771712L, fileWith("9223372036854771712\n").field(0));
    assertEquals(SmallFile.ABSENT, fileWith("99999999999999999999\n").field(0));
    assertEquals(SmallFile.ABSENT, fileWith("12ab\n").field(0));
    assertEquals(SmallFile.ABSENT, fileWith("").field(0));
  }

  @Test
  void fieldAfterLastSkipsACommandNameWithBlanksAndParentheses() throws IOException {
    SmallFile stat = fileWith("4242 (my (odd) app) S 1 4242 4242 0 -1 4194560 100 0 0 0 731 52 0 0 20 0\n");
    assertEquals(731, stat.fieldAfterLast(')', 11)); // utime, field 14
    assertEquals(52, stat.fieldAfterLast(')', 12)); // stime, field 15
    assertEquals(-1, stat.fieldAfterLast(')', 5)); // tpgid, field 8
    assertEquals(SmallFile.ABSENT, stat.fieldAfterLast(')', 0)); // the state letter
  }

  @Test
  void aFileLargerThanTheBufferIsReadWhole() throws IOException {
    StringBuilder big = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      big.append("filler_").append(i).append(' ').append(i).append('\n');
    }
    big.append("last 77\n");
    assertEquals(77, fileWith(big.toString()).valueOf("last"));
  }

  @Test
  void aMissingFileReadsAsFalseAndAbsent() {
    SmallFile missing = new SmallFile(dir.resolve("missing"));
    assertFalse(missing.isReadable());
    assertFalse(missing.read());
    assertEquals(SmallFile.ABSENT, missing.valueOf("VmRSS"));
    assertEquals(SmallFile.ABSENT, missing.field(0));
  }

  @Test
  void readingAgainReflectsTheNewContent() throws IOException {
    Path p = dir.resolve("changing");
    Files.writeString(p, "v 1\n");
    SmallFile file = new SmallFile(p);
    assertTrue(file.read());
    assertEquals(1, file.valueOf("v"));
    Files.writeString(p, "v 2\n");
    assertTrue(file.read());
    assertEquals(2, file.valueOf("v"));
  }
}
