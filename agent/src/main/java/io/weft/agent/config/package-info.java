/**
 * Configuration: the catalogue of settings ({@link io.weft.agent.config.ConfigKeys}), how each one's
 * text becomes a typed value ({@link io.weft.agent.config.ValueType}), and the resolved
 * {@link io.weft.agent.config.Config} built from system properties, the environment, the YAML file
 * and the defaults, in that order of precedence.
 *
 * <p>Nothing here throws on bad input: every problem becomes one warning line that the caller logs,
 * and the default applies. Must not depend on exporters, collectors or instrumentations; the YAML
 * library is touched only when a file is configured, to keep it off the start-up path otherwise.
 */
package io.weft.agent.config;
