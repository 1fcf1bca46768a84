package io.weft.benchmarks.overhead;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NativeMemoryTest {

  /** The head of {@code jcmd <pid> VM.native_memory summary} on Java 17. */
  private static final String SUMMARY = """
      12345:

      Native Memory Tracking:

      (Omitting categories weighting less than 1KB)

      Total: reserved=1810857KB, committed=591553KB
      -                 Java Heap (reserved=524288KB, committed=524288KB)
                                  (mmap: reserved=524288KB, committed=524288KB)

      -                     Class (reserved=1048956KB, committed=1212KB)
                                  (classes #1748)

      -                    Thread (reserved=20536KB, committed=1048KB)
                                  (thread #20)
      """;

  @Test
  void committedMebibytesByCategoryInJcmdsOrderWithTheTotalFirst() {
    Map<String, Double> committed = NativeMemory.committedMiB(SUMMARY);
    assertEquals(List.of("Total", "Java Heap", "Class", "Thread"), List.copyOf(committed.keySet()));
    assertEquals(591553 / 1024.0, committed.get("Total"));
    assertEquals(512.0, committed.get("Java Heap"));
    assertEquals(1212 / 1024.0, committed.get("Class"));
  }
}
