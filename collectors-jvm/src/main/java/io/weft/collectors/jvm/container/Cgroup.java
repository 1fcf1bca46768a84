package io.weft.collectors.jvm.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where this process's CPU and memory controller files are, found once at start-up from {@code
 * /proc/self/mountinfo} and {@code /proc/self/cgroup}.
 *
 * <pre>{@code
 * Cgroup cgroup = Cgroup.locate(Path.of("/"));  // null: not on Linux, or no cgroup controllers
 * cgroup.cpu();                                 // e.g. v2 at /sys/fs/cgroup, or null
 * }</pre>
 *
 * <p>A controller is taken from a v1 hierarchy when one is mounted for it and this process is
 * listed in it (hybrid hosts mount v1 controllers next to an empty v2 tree); otherwise from the v2
 * tree. The process's cgroup path is mapped onto the mount the way the JDK's own container support
 * does: below the mount point when the mount shows the whole hierarchy, at the mount point when the
 * mount shows just this cgroup (a container with its own cgroup namespace or bind mount). A
 * controller counts as present only if its limit file is there: the root cgroup has none, so a
 * process outside any container finds nothing to report.
 */
public record Cgroup(Controller cpu, Controller memory) {

  /** One controller's directory and the cgroup version that lays it out. */
  public record Controller(int version, Path directory) {}

  /**
   * Finds this process's cgroup below {@code fsRoot}, the file-system root ({@code /} outside
   * tests). Returns null when neither a CPU nor a memory controller is found.
   */
  public static Cgroup locate(Path fsRoot) {
    List<Mount> mounts = readMounts(fsRoot.resolve("proc/self/mountinfo"));
    Map<String, String> v1Paths = new HashMap<>();
    String v2Path = readMembership(fsRoot.resolve("proc/self/cgroup"), v1Paths);
    Controller cpu = controller(fsRoot, mounts, v1Paths, v2Path, "cpu", "cpu.cfs_quota_us", "cpu.max");
    Controller memory =
        controller(fsRoot, mounts, v1Paths, v2Path, "memory", "memory.limit_in_bytes", "memory.max");
    return cpu == null && memory == null ? null : new Cgroup(cpu, memory);
  }

  private static Controller controller(Path fsRoot, List<Mount> mounts, Map<String, String> v1Paths,
      String v2Path, String name, String v1LimitFile, String v2LimitFile) {
    String v1Path = v1Paths.get(name);
    if (v1Path != null) {
      for (Mount m : mounts) {
        if (!m.v2() && m.controllers().contains(name)) {
          Path dir = m.directoryFor(fsRoot, v1Path);
          return Files.isReadable(dir.resolve(v1LimitFile)) ? new Controller(1, dir) : null;
        }
      }
    }
    if (v2Path != null) {
      for (Mount m : mounts) {
        if (m.v2()) {
          Path dir = m.directoryFor(fsRoot, v2Path);
          return Files.isReadable(dir.resolve(v2LimitFile)) ? new Controller(2, dir) : null;
        }
      }
    }
    return null;
  }

  /**
   * Reads {@code /proc/self/cgroup} ({@code id:controllers:path} lines): v1 paths go into {@code
   * v1Paths} by controller; the v2 path ({@code 0::path}) is returned, or null.
   */
  private static String readMembership(Path file, Map<String, String> v1Paths) {
    String v2Path = null;
    for (String line : readLines(file)) {
      int first = line.indexOf(':');
      int second = first < 0 ? -1 : line.indexOf(':', first + 1);
      if (second < 0) {
        continue;
      }
      String controllers = line.substring(first + 1, second);
      String path = line.substring(second + 1);
      if (controllers.isEmpty()) {
        if (line.startsWith("0:")) {
          v2Path = path;
        }
        continue;
      }
      for (String controller : controllers.split(",")) {
        v1Paths.put(controller, path);
      }
    }
    return v2Path;
  }

  /** The cgroup mounts in {@code /proc/self/mountinfo}. */
  private static List<Mount> readMounts(Path file) {
    List<Mount> mounts = new ArrayList<>();
    for (String line : readLines(file)) {
      // id parent major:minor root mount-point options [optional fields...] - fstype source super-options
      String[] fields = line.split(" ");
      int dash = -1;
      for (int i = 6; i < fields.length; i++) {
        if (fields[i].equals("-")) {
          dash = i;
          break;
        }
      }
      if (dash < 0 || fields.length < dash + 4) {
        continue;
      }
      String type = fields[dash + 1];
      if (type.equals("cgroup2") || type.equals("cgroup")) {
        mounts.add(new Mount(type.equals("cgroup2"), unescape(fields[3]), unescape(fields[4]),
            List.of(fields[dash + 3].split(","))));
      }
    }
    return mounts;
  }

  /** mountinfo writes space, tab, newline and backslash in paths as three-digit octal escapes. */
  static String unescape(String field) {
    if (field.indexOf('\\') < 0) {
      return field;
    }
    StringBuilder out = new StringBuilder(field.length());
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\' && isOctal(field, i + 1)) {
        out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isOctal(String s, int from) {
    if (from + 3 > s.length()) {
      return false;
    }
    for (int i = from; i < from + 3; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '7') {
        return false;
      }
    }
    return true;
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException | SecurityException e) {
      return List.of();
    }
  }

  /** A cgroup file system mounted at {@code mountPoint}, showing the hierarchy from {@code root}. */
  private record Mount(boolean v2, String root, String mountPoint, List<String> controllers) {

    Path directoryFor(Path fsRoot, String cgroupPath) {
      Path mounted = fsRoot.resolve(relative(mountPoint));
      String below;
      if (root.equals("/")) {
        below = cgroupPath;
      } else if (cgroupPath.equals(root)) {
        below = "/";
      } else if (cgroupPath.startsWith(root + "/")) {
        below = cgroupPath.substring(root.length());
      } else {
        return mounted; // the mount shows only this process's own cgroup
      }
      Path dir = mounted.resolve(relative(below));
      // No cgroup namespace: the path names the host's hierarchy, which the mount does not show.
      return Files.isDirectory(dir) ? dir : mounted;
    }

    private static String relative(String path) {
      int i = 0;
      while (i < path.length() && path.charAt(i) == '/') {
        i++;
      }
      return path.substring(i);
    }
  }
}
