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

  @Test
  void pushedOverOtlp() {
    assertEquals("metrics pushed to http://collector:4318/v1/metrics every 1m (OTLP http/protobuf, delta)",
        StartupLine.pushed("http://collector:4318/v1/metrics", java.time.Duration.ofSeconds(60), "delta"));
    assertEquals("metrics not pushed (the OTLP exporter for http://collector:4318/v1/metrics did not start)",
        StartupLine.notPushed("http://collector:4318/v1/metrics"));
  }

  @Test
  void intervalsInTheLargestUnitThatDividesThem() {
    assertEquals("500ms", StartupLine.duration(java.time.Duration.ofMillis(500)));
    assertEquals("15s", StartupLine.duration(java.time.Duration.ofSeconds(15)));
    assertEquals("90s", StartupLine.duration(java.time.Duration.ofSeconds(90)));
    assertEquals("2m", StartupLine.duration(java.time.Duration.ofMinutes(2)));
  }
}
