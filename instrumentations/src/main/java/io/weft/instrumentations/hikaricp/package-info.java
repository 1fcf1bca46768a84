/**
 * HikariCP connection-pool metrics ({@code db.client.connection.count}, {@code .max}, {@code
 * .idle.min}, {@code .pending_requests}, {@code .timeouts}, {@code .wait_time}, {@code .use_time},
 * {@code .create_time}): pool state read at collection through the pool's own MXBean methods, and
 * histograms fed by hooks in the pool. Switched off by {@code WEFT_INSTRUMENTATION_HIKARICP_ENABLED=false};
 * independent of the {@code jdbc} family.
 *
 * <p>Loaded on the bootstrap class path: HikariCP types are reached through method handles resolved
 * once per class, never named in signatures. Depends on {@code io.weft.bootstrap} and the weaving
 * package only.
 */
package io.weft.instrumentations.hikaricp;
