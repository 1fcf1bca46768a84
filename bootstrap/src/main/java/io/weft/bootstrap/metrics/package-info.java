/**
 * Instruments, their bound handles, callback metrics, collectors and the {@link
 * io.weft.bootstrap.metrics.MetricRegistry} that checks them at registration and collects them into
 * {@link io.weft.bootstrap.snapshot immutable snapshots}. Knows nothing of exporters or formats.
 */
package io.weft.bootstrap.metrics;
