/**
 * Applications run in forked JVMs (with and without the agent) by the HTTP client tests: each calls a
 * local {@link io.weft.smoke.harness.HttpTargetServer} with one client library through a fixed script
 * and prints one line per call saying what the caller got (a status, or an exception class).
 */
package io.weft.smoke.clients;
