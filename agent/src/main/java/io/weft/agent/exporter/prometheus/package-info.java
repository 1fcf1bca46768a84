/**
 * The Prometheus scrape endpoint: Weft's own bounded HTTP server ({@code .transport}, secured by
 * {@code .security}, announced by {@code .filesd}) on daemon threads, whose handler collects the
 * registry on each {@code GET /metrics}, translates OpenTelemetry names into Prometheus ones
 * ({@link io.weft.agent.exporter.prometheus.PrometheusNames}) and encodes the result with
 * client_java's text and OpenMetrics writers (relocated into the agent jar).
 *
 * <p>Reads only snapshots of {@code io.weft.bootstrap}; never touches instruments, instrumentations
 * or other exporters. Only {@code ScrapeServer} and {@code ScrapeHandler} may name
 * {@code com.sun.net.httpserver} (the handler and the exchange it is given), and only after the module
 * check in {@code PrometheusEndpoint}; {@code .transport} names its types too.
 */
package io.weft.agent.exporter.prometheus;
