package io.weft.smoke.harness;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the external programs the smoke tests use (promtool, prometheus) on PATH. */
final class Executables {
  private Executables() {}

  /** The program's path; when it is not on PATH this fails on CI and skips elsewhere. */
  static Path require(String name, String installHint) {
    for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(directory.isEmpty() ? "." : directory, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    Requirement.unmet(name + " is not on PATH (" + installHint + ")");
    throw new AssertionError("unreachable: Requirement.unmet throws");
  }
}
