package io.weft.agent.exporter.prometheus;

import io.weft.bootstrap.metrics.AttributeKey;
import io.weft.bootstrap.metrics.Buckets;
import io.weft.bootstrap.metrics.Counter;
import io.weft.bootstrap.metrics.Histogram;
import io.weft.bootstrap.metrics.MetricRegistry;

/**
 * The endpoint's own metrics, like client_golang's {@code promhttp_metric_handler_*}: requests to
 * {@code /metrics} by response status code, and how long answering them took.
 *
 * <pre>{@code
 * ScrapeMetrics metrics = ScrapeMetrics.register(registry);
 * long start = System.nanoTime();
 * ...                                   // collect and encode
 * metrics.record(200, start);           // before the response is sent, so the next scrape sees it
 * }</pre>
 *
 * <p>Exposed as {@code weft_scrape_requests_total{http_response_status_code="200"}} and
 * {@code weft_scrape_duration_seconds_bucket/_count/_sum}. The series for 200 and 500 and the
 * histogram exist from the start with zero values (as client_golang does for its handler), so that
 * {@code rate()} and alerts on errors see them before the first failure. Registering twice on one
 * registry returns the same instruments, so two endpoints share them.
 */
final class ScrapeMetrics {

  static final String REQUESTS = "weft.scrape.requests";
  static final String DURATION = "weft.scrape.duration";

  private final Counter requests;
  private final Histogram.Handle duration;

  private ScrapeMetrics(Counter requests, Histogram.Handle duration) {
    this.requests = requests;
    this.duration = duration;
  }

  static ScrapeMetrics register(MetricRegistry registry) {
    Counter requests = registry.counter(REQUESTS)
        .unit("{request}")
        .description("Requests to the Prometheus endpoint's /metrics, by response status code.")
        .attributes(AttributeKey.longKey("http.response.status_code"))
        .register();
    Histogram duration = registry.histogram(DURATION)
        .unit("s")
        .description("Time to collect and encode a /metrics response, sending not included.")
        .buckets(Buckets.HTTP_SECONDS)
        .register();
    requests.bind(200);
    requests.bind(500);
    return new ScrapeMetrics(requests, duration.bind());
  }

  /**
   * Counts one request and its duration. Cost: one series look-up, then two lock-free records.
   */
  void record(int status, long startNanos) {
    requests.bind(requests.values().set(0, status)).inc();
    duration.recordSince(startNanos);
  }
}
