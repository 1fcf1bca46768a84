/**
 * Start-up: putting the nested bootstrap jar on the boot class path ({@link
 * io.weft.agent.startup.BootstrapJar}, which runs before any {@code io.weft.bootstrap} class may be
 * loaded and so must never reference one), then reading the configuration and wiring the registry,
 * collectors, resource and exporters ({@link io.weft.agent.startup.AgentStartup}).
 *
 * <p>Keep this path light: no reflection scans, no heavy libraries before {@code premain} returns;
 * what can wait runs on the {@code weft-init} daemon thread.
 */
package io.weft.agent.startup;
