/**
 * Prometheus file-based service discovery: the agent writes one {@code file_sd} target file per JVM
 * ({@link FileSdTarget}) into a folder that Prometheus' {@code file_sd_configs} watches, and removes it
 * at exit. Depends on the JDK only; knows nothing of the HTTP server or of metrics.
 */
package io.weft.agent.exporter.prometheus.filesd;
