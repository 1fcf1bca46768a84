/**
 * The agent: {@code premain}/{@code agentmain}, configuration, wiring of collectors and
 * instrumentations into one registry, and the exporters. The only module that knows which exporter
 * is on.
 */
package io.weft.agent;
