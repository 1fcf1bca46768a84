/**
 * The resource: attributes that describe this process, shared by every exporter.
 * {@link io.weft.agent.resource.ResourceDetector} builds it from {@link
 * io.weft.agent.resource.ProcessFacts} and the configuration. Must not depend on exporters,
 * collectors or instrumentations.
 */
package io.weft.agent.resource;
