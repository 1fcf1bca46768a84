package io.weft.smoke.harness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assertions;

/**
 * A scrape body parsed into families and samples, so that tests can assert exact values. Reads the
 * Prometheus text format 0.0.4 and the parts of OpenMetrics 1.0 that it shares ({@code # UNIT}
 * and {@code # EOF} are recorded, exemplars are dropped). A line it cannot read fails the test.
 *
 * <pre>{@code
 * Exposition metrics = Exposition.parse(body);
 * Sample info = metrics.only("target_info");
 * assertEquals("weft", info.label("telemetry_sdk_name"));
 * }</pre>
 */
public final class Exposition {
  /** What the {@code # TYPE}, {@code # HELP} and {@code # UNIT} lines say about one family. */
  public record Family(String name, String type, String help, String unit) {}

  private final Map<String, Family> families;
  private final List<Sample> samples;
  private final boolean endsWithEof;

  private Exposition(Map<String, Family> families, List<Sample> samples, boolean endsWithEof) {
    this.families = Collections.unmodifiableMap(families);
    this.samples = List.copyOf(samples);
    this.endsWithEof = endsWithEof;
  }

  public static Exposition parse(String body) {
    Map<String, String> types = new LinkedHashMap<>();
    Map<String, String> helps = new LinkedHashMap<>();
    Map<String, String> units = new LinkedHashMap<>();
    List<Sample> samples = new ArrayList<>();
    boolean eof = false;
    List<String> lines = body.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String where = "line " + (i + 1) + ": " + line;
      Assertions.assertFalse(eof, "text after # EOF at " + where);
      if (line.isEmpty()) {
        continue;
      }
      if (line.equals("# EOF")) {
        eof = true;
      } else if (line.startsWith("# TYPE ") || line.startsWith("# HELP ") || line.startsWith("# UNIT ")) {
        String rest = line.substring(7);
        int space = rest.indexOf(' ');
        String name = space < 0 ? rest : rest.substring(0, space);
        String text = space < 0 ? "" : rest.substring(space + 1);
        Map<String, String> target = line.startsWith("# TYPE ") ? types : line.startsWith("# HELP ") ? helps : units;
        Assertions.assertNull(target.put(name, text), "second " + line.substring(0, 6) + " for " + name + " at " + where);
      } else if (line.startsWith("#")) {
        continue;
      } else {
        samples.add(new SampleLine(line, where).parse());
      }
    }
    Map<String, Family> families = new LinkedHashMap<>();
    Set<String> names = new LinkedHashSet<>(types.keySet());
    names.addAll(helps.keySet());
    names.addAll(units.keySet());
    for (String name : names) {
      families.put(name, new Family(name, types.get(name), helps.get(name), units.get(name)));
    }
    return new Exposition(families, samples, eof);
  }

  public Map<String, Family> families() {
    return families;
  }

  public List<Sample> samples() {
    return samples;
  }

  /** Whether the body ended with {@code # EOF} (OpenMetrics). */
  public boolean endsWithEof() {
    return endsWithEof;
  }

  public List<Sample> samples(String name) {
    return samples.stream().filter(s -> s.name().equals(name)).toList();
  }

  /** The samples of this name whose labels include the given key/value pairs (alternating). */
  public List<Sample> samples(String name, String... labelPairs) {
    Map<String, String> wanted = new LinkedHashMap<>();
    for (int i = 0; i + 1 < labelPairs.length; i += 2) {
      wanted.put(labelPairs[i], labelPairs[i + 1]);
    }
    return samples(name).stream().filter(s -> s.hasLabels(wanted)).toList();
  }

  /** The one sample of this name (with these labels); fails if there are none or several. */
  public Sample only(String name, String... labelPairs) {
    List<Sample> found = samples(name, labelPairs);
    Assertions.assertEquals(
        1, found.size(), "samples " + name + " " + List.of(labelPairs) + " in:\n" + describe());
    return found.get(0);
  }

  /** The value of the one sample of this name (with these labels), or 0 when there is none. */
  public double valueOrZero(String name, String... labelPairs) {
    List<Sample> found = samples(name, labelPairs);
    Assertions.assertTrue(found.size() <= 1, "several samples " + name + " " + List.of(labelPairs));
    return found.isEmpty() ? 0 : found.get(0).value();
  }

  public Set<String> sampleNames() {
    Set<String> names = new LinkedHashSet<>();
    samples.forEach(s -> names.add(s.name()));
    return names;
  }

  private String describe() {
    StringBuilder text = new StringBuilder();
    samples.forEach(s -> text.append(s).append('\n'));
    return text.toString();
  }

  /** One sample line: {@code name[{labels}] value [timestamp] [# exemplar]}. */
  private static final class SampleLine {
    private final String line;
    private final String where;
    private int at;

    SampleLine(String line, String where) {
      this.line = line;
      this.where = where;
    }

    Sample parse() {
      String name = name();
      Map<String, String> labels = new LinkedHashMap<>();
      if (at < line.length() && line.charAt(at) == '{') {
        at++;
        while (peek() != '}') {
          String key = name();
          expect('=');
          expect('"');
          Assertions.assertNull(labels.put(key, quoted()), "label " + key + " twice at " + where);
          if (peek() == ',') {
            at++;
          }
        }
        at++;
      }
      expect(' ');
      String[] rest = line.substring(at).split(" # ", 2)[0].trim().split(" +");
      Assertions.assertTrue(rest.length <= 2, "more than value and timestamp at " + where);
      return new Sample(name, labels, number(rest[0]));
    }

    private String name() {
      int start = at;
      while (at < line.length() && (Character.isLetterOrDigit(line.charAt(at)) || "_:".indexOf(line.charAt(at)) >= 0)) {
        at++;
      }
      Assertions.assertTrue(at > start, "expected a name at column " + (start + 1) + " of " + where);
      return line.substring(start, at);
    }

    private String quoted() {
      StringBuilder value = new StringBuilder();
      while (true) {
        Assertions.assertTrue(at < line.length(), "unterminated label value at " + where);
        char c = line.charAt(at++);
        if (c == '"') {
          return value.toString();
        }
        if (c == '\\') {
          Assertions.assertTrue(at < line.length(), "dangling escape at " + where);
          char escaped = line.charAt(at++);
          switch (escaped) {
            case 'n' -> value.append('\n');
            case '\\' -> value.append('\\');
            case '"' -> value.append('"');
            default -> Assertions.fail("unknown escape \\" + escaped + " at " + where);
          }
        } else {
          value.append(c);
        }
      }
    }

    private char peek() {
      Assertions.assertTrue(at < line.length(), "unexpected end at " + where);
      return line.charAt(at);
    }

    private void expect(char c) {
      Assertions.assertEquals(c, peek(), "at column " + (at + 1) + " of " + where);
      at++;
    }

    private double number(String text) {
      return switch (text) {
        case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
        case "-Inf" -> Double.NEGATIVE_INFINITY;
        case "NaN" -> Double.NaN;
        default -> {
          try {
            yield Double.parseDouble(text);
          } catch (NumberFormatException e) {
            yield Assertions.fail("not a number '" + text + "' at " + where);
          }
        }
      };
    }
  }
}
