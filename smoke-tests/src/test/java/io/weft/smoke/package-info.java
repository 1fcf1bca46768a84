/**
 * Smoke tests: the demo service in forked JVMs on Java 17 and Temurin 25, with the built agent jar
 * attached, checked from the outside (its stdout and stderr, its HTTP port, the scrape endpoint,
 * promtool). They run in {@code mvn verify}, after the reactor has packaged the agent and the demo.
 */
package io.weft.smoke;
