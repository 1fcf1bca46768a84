/**
 * Attribute values shared by instrumentation families, normalised per the OpenTelemetry semantic
 * conventions (known HTTP methods, status codes as text, {@code error.type}). Allocation-free for
 * the common values.
 */
package io.weft.instrumentations.semconv;
