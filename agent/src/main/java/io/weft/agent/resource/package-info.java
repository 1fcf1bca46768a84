/** The resource: attributes that describe this process, shared by every exporter. */
package io.weft.agent.resource;
