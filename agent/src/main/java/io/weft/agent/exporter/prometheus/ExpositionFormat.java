package io.weft.agent.exporter.prometheus;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The two text formats the endpoint speaks, each backed by client_java's (stateless) writer.
 *
 * <pre>{@code
 * ExpositionFormat format = ExpositionFormat.negotiate(exchange.getRequestHeaders().get("Accept"));
 * format.write(out, snapshots);
 * }</pre>
 *
 * <p>The Prometheus text format 0.0.4 is the default; OpenMetrics 1.0 is chosen when the
 * {@code Accept} header names {@code application/openmetrics-text} (as Prometheus does), whatever
 * version it asks for, since 1.0 is the only one offered.
 */
enum ExpositionFormat {
  PROMETHEUS_TEXT(PrometheusTextFormatWriter.create()),
  OPENMETRICS(OpenMetricsTextFormatWriter.create());

  private static final String OPENMETRICS_MEDIA_TYPE = "application/openmetrics-text";

  private final ExpositionFormatWriter writer;

  ExpositionFormat(ExpositionFormatWriter writer) {
    this.writer = writer;
  }

  static ExpositionFormat negotiate(List<String> acceptHeaders) {
    return HeaderTokens.accepts(acceptHeaders, OPENMETRICS_MEDIA_TYPE) ? OPENMETRICS : PROMETHEUS_TEXT;
  }

  String contentType() {
    return writer.getContentType();
  }

  /**
   * Encodes the snapshots. Names are already valid legacy Prometheus names, so underscore escaping
   * (client_java's default) never alters them; it is named here so that no Accept header can change it.
   */
  void write(OutputStream out, MetricSnapshots snapshots) throws IOException {
    writer.write(out, snapshots, EscapingScheme.UNDERSCORE_ESCAPING);
  }
}
