package io.weft.agent.exporter.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeaderTokensTest {

  @ParameterizedTest(name = "[{0}] names {1}: {2}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      gzip                                    | gzip                         | true
      'gzip, deflate, br'                     | gzip                         | true
      'deflate, GZIP;q=0.5'                   | gzip                         | true
      gzip;q=0                                | gzip                         | false
      gzip;q=0.000                            | gzip                         | false
      gzip;q=junk                             | gzip                         | true
      identity                                | gzip                         | false
      *                                       | gzip                         | false
      x-gzip                                  | gzip                         | false
      -                                       | gzip                         | false
      'application/openmetrics-text;version=1.0.0;q=0.5,application/openmetrics-text;version=0.0.1;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2' | application/openmetrics-text | true
      'application/openmetrics-text; version=1.0.0; escaping=allow-utf-8; q=0.6, text/plain;q=0.4' | application/openmetrics-text | true
      'text/plain;version=0.0.4;q=1,*/*;q=0.1' | application/openmetrics-text | false
      'application/openmetrics-text;q=0'      | application/openmetrics-text | false
      */*                                     | application/openmetrics-text | false
      """)
  void findsNamedTokensWithNonZeroQuality(String header, String token, boolean expected) {
    assertEquals(expected, HeaderTokens.accepts(header == null ? null : List.of(header), token));
  }
}
