package io.weft.agent.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StartupLineTest {

  @Test
  void servedOnTheScrapeEndpoint() {
    assertEquals("Weft 0.1.0 started: instrumented jvm, process, container; metrics served on"
            + " http://127.0.0.1:9464/metrics (auth off, TLS off)",
        StartupLine.text("0.1.0", List.of("jvm", "process", "container"),
            StartupLine.served("127.0.0.1", 9464, false, false)));
  }

  @Test
  void ipv6HostIsBracketedAndTlsAndAuthShow() {
    assertEquals("metrics served on https://[::1]:35001/metrics (auth on, TLS on)",
        StartupLine.served("::1", 35001, true, true));
  }

  @Test
  void nothingInstrumentedNothingExportedUnknownVersion() {
    assertEquals("Weft unknown started: instrumented nothing; metrics not exported (exporters: none)",
        StartupLine.text(null, List.of(), StartupLine.notExported()));
  }

  @Test
  void endpointThatDidNotStart() {
    assertEquals("metrics not served (the Prometheus endpoint on 0.0.0.0:9464 did not start)",
        StartupLine.notServed("0.0.0.0", 9464));
  }
}
