/**
 * JMH benchmarks. Every Weft figure is measured beside the same operation in Prometheus client_java,
 * the OpenTelemetry SDK and Micrometer, in the same run, so results are ratios against peers on the
 * same machine. Run with {@code benchmarks/run-jmh}; results go to {@code docs/performance.md}.
 */
package io.weft.benchmarks;
