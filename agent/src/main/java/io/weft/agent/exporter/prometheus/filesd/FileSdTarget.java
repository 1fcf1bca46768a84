package io.weft.agent.exporter.prometheus.filesd;

import io.weft.bootstrap.context.AgentThread;
import io.weft.bootstrap.log.WeftLog;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * This JVM's entry in a Prometheus {@code file_sd_configs} folder:
 *
 * <pre>{@code
 * [{"targets": ["10.1.2.3:41234"],
 *   "labels": {"__scheme__": "https", "job": "checkout", "service_name": "checkout",
 *              "service_instance_id": "5f0c...", "__meta_weft_host": "vm-7", "__meta_weft_pid": "4711"}}]
 * }</pre>
 *
 * <ul>
 *   <li>The address is the one actually bound (port 0 works); bound to every interface, a reachable
 *       address of the host is written (a non-loopback address of an interface that is up, IPv4 first).
 *   <li>The file is written to a temporary file in the same folder and renamed over the target, so
 *       Prometheus never reads half a file.
 *   <li>It is removed at normal exit (a shutdown hook). A JVM that was killed leaves its file; the next
 *       JVM of the same instance overwrites it (same name), and every start removes files of this host
 *       whose {@code __meta_weft_pid} is no longer a running process. The {@code __meta_} labels are
 *       for relabelling and are dropped by Prometheus before storage.
 * </ul>
 */
public final class FileSdTarget {
  private static final Pattern HOST = Pattern.compile("\"__meta_weft_host\":\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern PID = Pattern.compile("\"__meta_weft_pid\":\\s*\"(\\d+)\"");

  private final Path file;

  private FileSdTarget(Path file) {
    this.file = file;
  }

  /**
   * Writes the file and registers its removal at exit. Never throws: a failure logs one line naming
   * the folder and returns null (the endpoint itself keeps serving).
   */
  public static FileSdTarget publish(Path folder, String service, String instanceId, String job,
      InetSocketAddress bound, boolean https, String hostName) {
    try {
      Files.createDirectories(folder);
      removeStale(folder, hostName);
      Path file = folder.resolve(fileName(service, instanceId));
      Map<String, String> labels = new LinkedHashMap<>();
      labels.put("__scheme__", https ? "https" : "http");
      labels.put("job", job);
      labels.put("service_name", service);
      labels.put("service_instance_id", instanceId);
      labels.put("__meta_weft_host", hostName);
      labels.put("__meta_weft_pid", Long.toString(ProcessHandle.current().pid()));
      writeAtomically(file, json(target(bound), labels));
      FileSdTarget target = new FileSdTarget(file);
      Runtime.getRuntime().addShutdownHook(new AgentThread(target::remove, "weft-file-sd-remove"));
      WeftLog.info("wrote the Prometheus file_sd target " + target(bound) + " to " + file);
      return target;
    } catch (IOException | RuntimeException e) {
      WeftLog.error("WEFT_PROMETHEUS_FILE_SD_DIR: cannot write the file_sd target file in " + folder + ": " + e
          + "; Prometheus will not discover this JVM through it");
      return null;
    }
  }

  /** The file written. */
  public Path file() {
    return file;
  }

  /** Removes the file; idempotent, never throws. */
  public void remove() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException | RuntimeException e) {
      WeftLog.debug("could not remove the file_sd target file " + file + ": " + e);
    }
  }

  /** {@code <service>-<instance id>.json}, with characters outside {@code [A-Za-z0-9._-]} replaced by _. */
  static String fileName(String service, String instanceId) {
    return (service + "-" + instanceId).replaceAll("[^A-Za-z0-9._-]", "_") + ".json";
  }

  /** {@code host:port} that another machine can reach, IPv6 in brackets. */
  static String target(InetSocketAddress bound) {
    InetAddress address = bound.getAddress();
    if (address == null || address.isAnyLocalAddress()) {
      address = reachableAddress(address instanceof Inet6Address);
    }
    String host = address.getHostAddress();
    int zone = host.indexOf('%');
    if (zone >= 0) {
      host = host.substring(0, zone);
    }
    return (address instanceof Inet6Address ? "[" + host + "]" : host) + ":" + bound.getPort();
  }

  private static InetAddress reachableAddress(boolean ipv6Allowed) {
    List<InetAddress> candidates = new ArrayList<>();
    try {
      for (NetworkInterface networkInterface : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!networkInterface.isUp() || networkInterface.isLoopback() || networkInterface.isVirtual()) {
          continue;
        }
        for (InetAddress address : Collections.list(networkInterface.getInetAddresses())) {
          if (!address.isLoopbackAddress() && !address.isLinkLocalAddress()
              && (address instanceof Inet4Address || ipv6Allowed)) {
            candidates.add(address);
          }
        }
      }
    } catch (SocketException e) {
      WeftLog.debug("listing network interfaces failed: " + e);
    }
    candidates.sort((a, b) -> Boolean.compare(a instanceof Inet6Address, b instanceof Inet6Address));
    return candidates.isEmpty() ? InetAddress.getLoopbackAddress() : candidates.get(0);
  }

  private static void removeStale(Path folder, String hostName) {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.json")) {
      for (Path other : files) {
        String text;
        try {
          text = Files.readString(other, StandardCharsets.UTF_8);
        } catch (IOException e) {
          continue;
        }
        Matcher host = HOST.matcher(text);
        Matcher pid = PID.matcher(text);
        if (host.find() && pid.find() && unescape(host.group(1)).equals(hostName)
            && ProcessHandle.of(Long.parseLong(pid.group(1))).isEmpty()) {
          Files.deleteIfExists(other);
          WeftLog.info("removed the stale file_sd target file " + other + " of an ended process");
        }
      }
    } catch (IOException | RuntimeException e) {
      WeftLog.debug("looking for stale file_sd target files in " + folder + " failed: " + e);
    }
  }

  private static void writeAtomically(Path file, String content) throws IOException {
    Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
    try {
      Files.writeString(temporary, content, StandardCharsets.UTF_8);
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  static String json(String target, Map<String, String> labels) {
    StringBuilder out = new StringBuilder(256);
    out.append("[{\"targets\":[").append(quote(target)).append("],\"labels\":{");
    boolean first = true;
    for (Map.Entry<String, String> label : labels.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      out.append(quote(label.getKey())).append(':').append(quote(label.getValue()));
    }
    return out.append("}}]\n").toString();
  }

  private static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static String unescape(String json) {
    return json.replace("\\\"", "\"").replace("\\\\", "\\");
  }
}
