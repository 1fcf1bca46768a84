package io.weft.agent.resource;

import java.net.InetAddress;
import java.util.UUID;

/**
 * What the running process says about itself, gathered once. Tests build their own; the agent calls
 * {@link #current} on its init thread because the host name may need a slow name-service look-up.
 *
 * @param javaCommand the {@code sun.java.command} property (main class or jar, then arguments), or null
 * @param hostName the host name, or null when it cannot be found
 * @param sdkVersion Weft's version, or null when not running from the agent jar
 */
public record ProcessFacts(
    String javaCommand,
    String hostName,
    long pid,
    String runtimeName,
    String runtimeVersion,
    String sdkVersion,
    String instanceId) {

  /** This process; a new random instance id each call. */
  public static ProcessFacts current(String sdkVersion) {
    return new ProcessFacts(
        System.getProperty("sun.java.command"),
        lookUpHostName(),
        ProcessHandle.current().pid(),
        System.getProperty("java.runtime.name"),
        System.getProperty("java.runtime.version"),
        sdkVersion,
        UUID.randomUUID().toString());
  }

  private static String lookUpHostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      String fromEnvironment = System.getenv("HOSTNAME");
      return fromEnvironment == null || fromEnvironment.isBlank() ? null : fromEnvironment.trim();
    }
  }
}
