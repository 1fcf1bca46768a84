/**
 * HTTP client metrics ({@code http.client.request.duration}) for the JDK's {@code java.net.http}
 * client, {@code HttpURLConnection} (the JDK's http and https implementation), Apache HttpClient 5
 * (classic) and OkHttp 4 and 5: the instrument, the hooks woven code calls, and one type
 * instrumentation per client. Switched off as a whole by {@code
 * WEFT_INSTRUMENTATION_HTTP_CLIENT_ENABLED=false}.
 *
 * <p>Loaded on the bootstrap class path: client types (in the platform or application class loader)
 * are reached through method handles, resolved once per client class, never named in signatures.
 * Depends on {@code io.weft.bootstrap} and the sibling {@code semconv}, {@code state} and {@code
 * weaving} packages; never on the agent or an exporter.
 */
package io.weft.instrumentations.httpclient;
