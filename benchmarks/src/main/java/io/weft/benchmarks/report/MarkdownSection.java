package io.weft.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Replaces the text between {@code <!-- name:start -->} and {@code <!-- name:end -->} in a Markdown
 * file, so each benchmark rewrites only its own section of {@code docs/performance.md}.
 */
public final class MarkdownSection {
  private MarkdownSection() {}

  public static void replace(Path file, String name, String content) throws IOException {
    String start = "<!-- " + name + ":start -->";
    String end = "<!-- " + name + ":end -->";
    String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    int s = text.indexOf(start);
    int e = text.indexOf(end);
    String section = start + "\n" + content.strip() + "\n" + end;
    String updated = s >= 0 && e > s
        ? text.substring(0, s) + section + text.substring(e + end.length())
        : text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + "\n" + section + "\n";
    Files.writeString(file, updated, StandardCharsets.UTF_8);
  }
}
