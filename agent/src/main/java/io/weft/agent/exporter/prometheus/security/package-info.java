/**
 * Who may read the scrape endpoint: the Prometheus web configuration file ({@link WebConfig}: TLS from
 * PEM files with rotation, client certificates, bcrypt basic auth, extra response headers) and Weft's
 * address allow-list ({@link AllowList}), bundled as {@link ScrapeSecurity}.
 *
 * <p>Depends on the JDK's TLS, snakeyaml-engine and the bcrypt library only; it knows nothing of HTTP
 * parsing ({@code ..transport}) or of metrics.
 */
package io.weft.agent.exporter.prometheus.security;
