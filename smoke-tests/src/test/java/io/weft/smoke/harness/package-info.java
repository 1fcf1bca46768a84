/**
 * What the smoke tests stand on: forked JVMs ({@link io.weft.smoke.harness.ForkedJvm}), the JDKs to
 * run them on, the built jars, HTTP scrapes, a parser of the exposition formats, and promtool. It
 * talks to the agent only from the outside (processes, ports, bytes) and must not depend on any
 * {@code io.weft} main code.
 */
package io.weft.smoke.harness;
