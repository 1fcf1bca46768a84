package io.weft.agent.resource;

import java.net.InetAddress;
import java.util.SplittableRandom;
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
    String hostName = lookUpHostName();
    long pid = ProcessHandle.current().pid();
    return new ProcessFacts(
        System.getProperty("sun.java.command"),
        hostName,
        pid,
        System.getProperty("java.runtime.name"),
        System.getProperty("java.runtime.version"),
        sdkVersion,
        randomInstanceId(pid, hostName));
  }

  /**
   * A random (version 4) UUID. Not {@link UUID#randomUUID()}: its SecureRandom initialises the security
   * providers, about 100 ms of CPU on a cold JVM while the application starts, and an instance id needs
   * uniqueness, not secrecy. The seed mixes both clocks (as {@link SplittableRandom} does) with the pid
   * and host, so processes started in the same instant on different hosts still differ.
   */
  static String randomInstanceId(long pid, String hostName) {
    long seed = System.nanoTime() * 0x9E3779B97F4A7C15L ^ System.currentTimeMillis() ^ pid << 32
        ^ (hostName == null ? 0 : hostName.hashCode());
    SplittableRandom random = new SplittableRandom(seed ^ new SplittableRandom().nextLong());
    long most = random.nextLong() & ~0xF000L | 0x4000L; // version 4
    long least = random.nextLong() & ~(0xC000L << 48) | 0x8000L << 48; // IETF variant
    return new UUID(most, least).toString();
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
