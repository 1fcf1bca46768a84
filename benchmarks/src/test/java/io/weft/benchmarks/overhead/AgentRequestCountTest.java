package io.weft.benchmarks.overhead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentRequestCountTest {

  /** As Weft's endpoint exposes the demo after 1 request of /hello and 3 + 4 of /users/{id}. */
  private static final String WEFT = """
      # TYPE http_server_request_duration_seconds histogram
      http_server_request_duration_seconds_bucket{http_request_method="GET",http_response_status_code="200",http_route="/users/",le="0.005"} 3
      http_server_request_duration_seconds_count{http_request_method="GET",http_response_status_code="200",http_route="/hello",network_protocol_version="1.1",url_scheme="http"} 1
      http_server_request_duration_seconds_count{http_request_method="GET",http_response_status_code="200",http_route="/users/",network_protocol_version="1.1",url_scheme="http"} 3
      http_server_request_duration_seconds_count{http_request_method="GET",http_response_status_code="404",http_route="/users/",network_protocol_version="1.1",url_scheme="http"} 4
      http_server_request_duration_seconds_sum{http_request_method="GET",http_response_status_code="200",http_route="/users/"} 0.25
      """;

  /** As the OpenTelemetry agent's Prometheus exporter exposes it, scope labels and all. */
  private static final String OTEL = """
      http_server_request_duration_seconds_count{http_request_method="GET",http_response_status_code="200",http_route="/hello",network_protocol_version="1.1",otel_scope_name="io.opentelemetry.java-http-server",otel_scope_version="2.31.1-alpha",url_scheme="http"} 1
      http_server_request_duration_seconds_count{http_request_method="GET",http_response_status_code="200",http_route="/users/",network_protocol_version="1.1",otel_scope_name="io.opentelemetry.java-http-server",otel_scope_version="2.31.1-alpha",url_scheme="http"} 1234567
      """;

  @Test
  void sumsEverySeriesWhoseRouteServesThePathWhateverTheStatus() throws IOException {
    assertEquals(7, AgentRequestCount.countIn(WEFT, List.of("/users/1")));
  }

  @Test
  void readsTheOpenTelemetryExportersSeriesWithItsScopeLabels() throws IOException {
    assertEquals(1234567, AgentRequestCount.countIn(OTEL, List.of("/users/1")));
  }

  @Test
  void severalPathsSumTheirRoutes() throws IOException {
    assertEquals(8, AgentRequestCount.countIn(WEFT, List.of("/users/1", "/hello")));
  }

  @Test
  void noSeriesForThePathIsAnErrorNotZero() {
    assertThrows(IOException.class, () -> AgentRequestCount.countIn(WEFT, List.of("/work")));
  }

  @Test
  void routesServePathsExactlyByContextPrefixOrByTemplate() {
    assertTrue(AgentRequestCount.serves("/hello", "/hello"));
    assertTrue(AgentRequestCount.serves("/users/", "/users/1"));
    assertTrue(AgentRequestCount.serves("/users/{id}", "/users/1"));
    assertFalse(AgentRequestCount.serves("/users/{id}", "/users/1/orders"));
    assertFalse(AgentRequestCount.serves("/hello", "/hello/again"));
    assertFalse(AgentRequestCount.serves("/", "/users/1"));
  }
}
