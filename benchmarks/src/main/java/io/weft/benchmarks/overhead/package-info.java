/**
 * The overhead comparison: the demo service under one fixed closed-loop load with no agent, with
 * Weft and with the OpenTelemetry Java agent, in alternating rounds, measured from outside the
 * service process ({@code /proc}, wrk).
 */
package io.weft.benchmarks.overhead;
