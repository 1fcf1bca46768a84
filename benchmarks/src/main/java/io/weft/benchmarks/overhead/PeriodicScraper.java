package io.weft.benchmarks.overhead;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Scrapes an agent's metrics endpoint at a fixed interval while the load runs, as a Prometheus
 * server would, so that the measured window includes the collection cost. The first scrape comes
 * half an interval in, so that over many windows the rate is exactly one per interval.
 */
final class PeriodicScraper implements AutoCloseable {

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "overhead-scraper");
    t.setDaemon(true);
    return t;
  });
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final List<Double> millis = new ArrayList<>();
  private int failures;

  private PeriodicScraper() {}

  static PeriodicScraper start(int metricsPort, double intervalSeconds) {
    PeriodicScraper scraper = new PeriodicScraper();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
        .timeout(Duration.ofSeconds(10)).build();
    long intervalMicros = Math.round(intervalSeconds * 1e6);
    scraper.timer.scheduleAtFixedRate(() -> scraper.scrape(request), intervalMicros / 2, intervalMicros,
        TimeUnit.MICROSECONDS);
    return scraper;
  }

  private void scrape(HttpRequest request) {
    long start = System.nanoTime();
    try {
      HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      synchronized (this) {
        if (r.statusCode() == 200) {
          millis.add((System.nanoTime() - start) / 1e6);
        } else {
          failures++;
        }
      }
    } catch (Exception e) {
      synchronized (this) {
        failures++;
      }
    }
  }

  /** Milliseconds of each scrape that answered 200. */
  synchronized List<Double> millis() {
    return List.copyOf(millis);
  }

  synchronized int failures() {
    return failures;
  }

  /** Stops scraping; a scrape under way is waited for. */
  @Override
  public void close() throws InterruptedException {
    timer.shutdown();
    timer.awaitTermination(15, TimeUnit.SECONDS);
  }
}
