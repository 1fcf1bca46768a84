/**
 * The overhead comparison: the demo service under one fixed closed-loop load with no agent, with
 * Weft (optionally with one family off at a time) and with the OpenTelemetry Java agent (tracing on,
 * and traces sampled off), in rotating rounds, measured from outside the service process ({@code
 * /proc}, wrk, {@code jcmd}, loopback JMX) and checked against each agent's own request count.
 * Depends on nothing of the agent but its jar and its Prometheus endpoint.
 */
package io.weft.benchmarks.overhead;
