package io.weft.smoke.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/metrics.md lists exactly the promtool findings the smoke tests accept. */
class PromtoolLintAllowListDocTest {

  @Test
  void docsListExactlyTheAcceptedLintFindings() throws IOException {
    String doc = Files.readString(Path.of(System.getProperty("weft.projectRoot", ".."), "docs", "metrics.md"));
    String section = doc.substring(doc.indexOf("## promtool lint exceptions"));
    int next = section.indexOf("\n## ", 5);
    section = next < 0 ? section : section.substring(0, next);
    Matcher m = Pattern.compile("(?m)^\\| `([a-z_]+)` \\|").matcher(section);
    List<String> documented = new java.util.ArrayList<>();
    while (m.find()) {
      documented.add(m.group(1));
    }
    assertEquals(PromtoolLintAllowList.ENTRIES.stream().map(PromtoolLintAllowList.Entry::metric).toList(), documented);
  }
}
