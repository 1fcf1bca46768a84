package io.weft.instrumentations.httpserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ContentLengthTest {

  @Test
  void readsNonNegativeDecimalsAndRejectsEverythingElse() {
    assertEquals(0, ContentLength.parse("0"));
    assertEquals(1234, ContentLength.parse("1234"));
    assertEquals(999_999_999_999_999_999L, ContentLength.parse("999999999999999999"));
    assertEquals(-1, ContentLength.parse(null));
    assertEquals(-1, ContentLength.parse(""));
    assertEquals(-1, ContentLength.parse("-1"));
    assertEquals(-1, ContentLength.parse("12a"));
    assertEquals(-1, ContentLength.parse(" 12"));
    assertEquals(-1, ContentLength.parse("9999999999999999999"));
  }
}
