/**
 * Per-thread state that woven code needs to behave: the call-depth guard that makes nested or
 * delegating calls count once, and whether the current thread is the agent's own or a virtual one.
 * Pure Java; no metrics, no exporters.
 */
package io.weft.bootstrap.context;
