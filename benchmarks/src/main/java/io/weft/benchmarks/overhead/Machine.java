package io.weft.benchmarks.overhead;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A one-line description of the machine a result was measured on. */
final class Machine {
  private Machine() {}

  static String describe() {
    String cpu = "unknown CPU";
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          cpu = line.substring(line.indexOf(':') + 1).trim();
          break;
        }
      }
    } catch (IOException ignored) {
      // Not Linux: the CPU model stays unknown.
    }
    return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), Java "
        + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")";
  }
}
