package io.weft.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.weft.bootstrap.log.WeftLog;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueTypeTest {

  @Test
  void booleanAcceptsTrueAndFalseInAnyCaseOnly() throws InvalidValueException {
    assertEquals(true, BooleanType.INSTANCE.parse("TRUE"));
    assertEquals(false, BooleanType.INSTANCE.parse("false"));
    assertThrows(InvalidValueException.class, () -> BooleanType.INSTANCE.parse("1"));
    assertThrows(InvalidValueException.class, () -> BooleanType.INSTANCE.parse("on"));
  }

  @Test
  void intRangeIsInclusiveAndRejectsOverflow() throws InvalidValueException {
    IntRangeType range = new IntRangeType(1, 10);
    assertEquals(1, range.parse("1"));
    assertEquals(10, range.parse("10"));
    assertThrows(InvalidValueException.class, () -> range.parse("11"));
    assertThrows(InvalidValueException.class, () -> range.parse("99999999999999999999"));
    assertThrows(InvalidValueException.class, () -> range.parse("0x5"));
    assertEquals("an integer from 1 to 10", range.accepted());
  }

  @Test
  void portAcceptsZeroForAnyFreePort() throws InvalidValueException {
    assertEquals(0, IntRangeType.port().parse("0"));
    assertEquals(65535, IntRangeType.port().parse("65535"));
    assertThrows(InvalidValueException.class, () -> IntRangeType.port().parse("65536"));
  }

  @Test
  void enumIsCaseInsensitiveAndListsLowerCaseNames() throws InvalidValueException {
    EnumType<WeftLog.Level> levels = new EnumType<>(WeftLog.Level.class);
    assertEquals(WeftLog.Level.WARN, levels.parse("Warn"));
    assertEquals("error|warn|info|debug", levels.accepted());
    assertEquals("debug", levels.format(WeftLog.Level.DEBUG));
    assertThrows(InvalidValueException.class, () -> levels.parse("trace"));
  }

  @Test
  void choiceListDropsDuplicatesAndMapsNoneToEmpty() throws InvalidValueException {
    ChoiceListType exporters = new ChoiceListType("prometheus", "otlp");
    assertEquals(List.of("otlp", "prometheus"), exporters.parse("otlp, prometheus,otlp"));
    assertEquals(List.of(), exporters.parse("none"));
    assertEquals("none", exporters.format(List.of()));
    assertEquals("otlp,prometheus", exporters.format(List.of("otlp", "prometheus")));
    InvalidValueException empty = assertThrows(InvalidValueException.class, () -> exporters.parse("prometheus,"));
    assertEquals("empty entry in the list", empty.reason());
  }

  @Test
  void durationUnitsAndBareMilliseconds() throws InvalidValueException {
    DurationType interval = new DurationType(Duration.ofMillis(100), Duration.ofHours(1));
    assertEquals(Duration.ofMillis(60000), interval.parse("60000"));
    assertEquals(Duration.ofMillis(500), interval.parse("500ms"));
    assertEquals(Duration.ofSeconds(10), interval.parse("10s"));
    assertEquals(Duration.ofMinutes(5), interval.parse("5m"));
    assertEquals(Duration.ofHours(1), interval.parse("1h"));
    assertThrows(InvalidValueException.class, () -> interval.parse("2h"));
    assertThrows(InvalidValueException.class, () -> interval.parse("50ms"));
    assertThrows(InvalidValueException.class, () -> interval.parse("10 parsecs"));
    assertThrows(InvalidValueException.class, () -> interval.parse("-5s"));
    assertEquals("90s", interval.format(Duration.ofSeconds(90)));
    assertEquals("a duration from 100ms to 1h written as 500ms, 10s, 5m or 1h (a bare number is milliseconds)",
        interval.accepted());
  }

  @Test
  void attributesDecodePercentEscapesKeepPlusAndReplaceBadUtf8() throws InvalidValueException {
    Map<String, String> attributes = AttributeListType.INSTANCE.parse(
        " a = x%20y , b=1+1, c=%E2%82%AC, d=%FF, e= ,");
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("a", "x y");
    expected.put("b", "1+1");
    expected.put("c", "\u20ac");
    expected.put("d", "\ufffd");
    expected.put("e", "");
    assertEquals(expected, attributes);
  }

  @Test
  void attributesRejectMissingKeyOrEquals() {
    assertEquals("entry '=x' has no key",
        assertThrows(InvalidValueException.class, () -> AttributeListType.INSTANCE.parse("=x")).reason());
    assertEquals("entry 'k' has no '='",
        assertThrows(InvalidValueException.class, () -> AttributeListType.INSTANCE.parse("a=b,k")).reason());
    assertEquals("malformed percent escape in '%zz'",
        assertThrows(InvalidValueException.class, () -> AttributeListType.INSTANCE.parse("a=%zz")).reason());
  }

  @Test
  void attributesEncodeWhatTheyDecode() throws InvalidValueException {
    Map<String, String> original = new LinkedHashMap<>();
    original.put("owner", "Jane Doe, \"ops\"; 100% \\ \u20ac");
    original.put("plain", "a=b+c");
    String encoded = AttributeListType.encode(original);

    assertEquals("owner=Jane%20Doe%2C%20%22ops%22%3B%20100%25%20%5C%20%E2%82%AC,plain=a=b+c", encoded);
    assertEquals(original, AttributeListType.INSTANCE.parse(encoded));
  }

  @Test
  void attributesMergeWithWeftWinning() {
    assertEquals(Map.of("a", "weft", "b", "otel", "c", "weft"),
        AttributeListType.INSTANCE.merge(Map.of("a", "otel", "b", "otel"), Map.of("a", "weft", "c", "weft")));
  }
}
