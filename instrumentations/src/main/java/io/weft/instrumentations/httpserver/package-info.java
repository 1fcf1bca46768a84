/**
 * HTTP server metrics ({@code http.server.request.duration}, {@code http.server.active_requests}):
 * the instruments, the hooks woven code calls, and the type instrumentations for each server.
 * Switched off as a whole by {@code WEFT_INSTRUMENTATION_HTTP_SERVER_ENABLED=false}.
 *
 * <p>Loaded on the bootstrap class path: server types (which live in other class loaders) are
 * reached through method handles resolved once, never named in signatures.
 */
package io.weft.instrumentations.httpserver;
