/**
 * JVM, process and container metrics: one collector per area (memory pools, buffer pools, GC,
 * threads, classes, CPU here; process and container in sub-packages), each reading MXBeans, {@code
 * /proc} or cgroup files only when something collects, plus {@link
 * io.weft.collectors.jvm.JvmIdentity} for the JVM's resource attributes. {@link
 * io.weft.collectors.jvm.JvmCollectors} wires them. Names, units and attributes are the
 * OpenTelemetry semantic conventions'; {@code docs/metrics.md} lists them. Depends only on {@code
 * io.weft.bootstrap} and the JDK ({@code java.management}, and {@code jdk.management} where
 * present); never writes to stdout and never throws into the application.
 */
package io.weft.collectors.jvm;
