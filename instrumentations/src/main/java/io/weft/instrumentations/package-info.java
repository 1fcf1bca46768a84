/**
 * Instrumentation families, one sub-package each ({@code httpserver}, {@code httpclient}, {@code
 * jdbc}, {@code executor}): matchers, advice and the {@code *Metrics} helper that owns the family's
 * instruments. Depends on {@code io.weft.bootstrap}; never on the agent or an exporter.
 */
package io.weft.instrumentations;
