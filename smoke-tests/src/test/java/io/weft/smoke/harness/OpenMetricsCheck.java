package io.weft.smoke.harness;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assertions;

/**
 * The OpenMetrics 1.0 rules that promtool cannot check (it reads only the text format): the body
 * ends with {@code # EOF}; every sample follows the {@code # TYPE} of its family and uses only the
 * suffixes that type allows; a family's samples are contiguous; a {@code # UNIT} is the family
 * name's suffix; a counter family's name has no {@code _total}; every histogram series has a
 * {@code +Inf} bucket equal to its {@code _count}. Sample syntax is checked by {@link Exposition}.
 */
public final class OpenMetricsCheck {
  private static final Map<String, List<String>> SUFFIXES =
      Map.of(
          "counter", List.of("_total", "_created"),
          "gauge", List.of(""),
          "histogram", List.of("_bucket", "_count", "_sum", "_created"),
          "gaugehistogram", List.of("_bucket", "_gcount", "_gsum"),
          "summary", List.of("", "_count", "_sum", "_created"),
          "info", List.of("_info"),
          "stateset", List.of(""),
          "unknown", List.of(""));

  private OpenMetricsCheck() {}

  /** Checks the body and returns it parsed. */
  public static Exposition assertValid(String body) {
    Assertions.assertTrue(body.endsWith("# EOF\n"), "OpenMetrics body must end with \"# EOF\\n\"");
    Exposition parsed = Exposition.parse(body);
    Map<String, String> typeOfFamily = new LinkedHashMap<>();
    Set<String> finishedFamilies = new HashSet<>();
    String currentFamily = null;
    List<String> problems = new ArrayList<>();
    for (String line : body.lines().toList()) {
      if (line.startsWith("# TYPE ")) {
        String[] parts = line.split(" ");
        String family = parts[2];
        String type = parts.length > 3 ? parts[3] : "";
        if (!SUFFIXES.containsKey(type)) {
          problems.add("unknown type: " + line);
        }
        if (type.equals("counter") && family.endsWith("_total")) {
          problems.add("counter family name must not end in _total: " + line);
        }
        if (currentFamily != null) {
          finishedFamilies.add(currentFamily);
        }
        if (finishedFamilies.contains(family) || typeOfFamily.put(family, type) != null) {
          problems.add("family declared twice: " + line);
        }
        currentFamily = family;
      } else if (line.startsWith("# UNIT ")) {
        String[] parts = line.split(" ");
        if (parts.length > 3 && !parts[2].endsWith("_" + parts[3])) {
          problems.add("family name must end with its unit: " + line);
        }
      } else if (!line.startsWith("#") && !line.isEmpty()) {
        String name = line.split("[{ ]", 2)[0];
        if (currentFamily == null || !allowedSampleName(currentFamily, typeOfFamily.get(currentFamily), name)) {
          problems.add("sample outside its family's TYPE block (current family " + currentFamily + "): " + line);
        }
      }
    }
    problems.addAll(histogramProblems(parsed, typeOfFamily));
    Assertions.assertEquals(List.of(), problems, "OpenMetrics problems in body:\n" + body);
    return parsed;
  }

  private static boolean allowedSampleName(String family, String type, String sampleName) {
    return SUFFIXES.getOrDefault(type, List.of()).stream().anyMatch(suffix -> sampleName.equals(family + suffix));
  }

  private static List<String> histogramProblems(Exposition parsed, Map<String, String> typeOfFamily) {
    List<String> problems = new ArrayList<>();
    typeOfFamily.forEach((family, type) -> {
      if (!type.equals("histogram")) {
        return;
      }
      for (Sample count : parsed.samples(family + "_count")) {
        Map<String, String> infBucket = new LinkedHashMap<>(count.labels());
        infBucket.put("le", "+Inf");
        List<Sample> inf = parsed.samples(family + "_bucket").stream().filter(b -> b.labels().equals(infBucket)).toList();
        if (inf.size() != 1 || inf.get(0).value() != count.value()) {
          problems.add(family + count.labels() + ": _count " + count.value() + " but +Inf buckets " + inf);
        }
      }
    });
    return problems;
  }
}
