/**
 * The OTLP exporter: pushes registry snapshots over http/protobuf through the OpenTelemetry SDK's
 * {@code OtlpHttpMetricExporter} and JDK {@code HttpClient} sender (relocated into the agent jar under
 * {@code io.weft.shaded}); the registry stays the source of truth, so no SDK meter provider exists.
 * {@link io.weft.agent.exporter.otlp.OtlpExport} is the entry point and names no SDK type, so nothing
 * of the SDK loads unless {@code otlp} is among the exporters.
 *
 * <p>Reads only snapshots of {@code io.weft.bootstrap}, the resource and the configuration; never
 * touches instruments, instrumentations or other exporters.
 */
package io.weft.agent.exporter.otlp;
