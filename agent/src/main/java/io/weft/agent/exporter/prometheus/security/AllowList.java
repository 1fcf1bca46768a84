package io.weft.agent.exporter.prometheus.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The client addresses that may talk to the endpoint ({@code WEFT_PROMETHEUS_ALLOW}): CIDR ranges,
 * IPv4 and IPv6, separated by commas. An IPv4 client reaching an IPv6 socket as {@code ::ffff:a.b.c.d}
 * is matched as the IPv4 address (the JDK already presents it so).
 *
 * <pre>{@code
 * AllowList allow = AllowList.parse("10.0.0.0/8, 127.0.0.1/32, fd00::/8");
 * allow.allows(socket.getInetAddress());
 * }</pre>
 *
 * <p>Cost of {@link #allows}: a loop over the ranges with a byte comparison each; no allocation.
 */
public final class AllowList {
  private final List<Range> ranges;

  private AllowList(List<Range> ranges) {
    this.ranges = ranges;
  }

  /** Parses {@code 10.0.0.0/8,::1/128}; a bare address is one host. Throws with the bad entry named. */
  public static AllowList parse(String text) throws WebConfigException {
    List<Range> ranges = new ArrayList<>();
    for (String entry : text.split(",")) {
      String trimmed = entry.trim();
      if (!trimmed.isEmpty()) {
        ranges.add(Range.parse(trimmed));
      }
    }
    if (ranges.isEmpty()) {
      throw new WebConfigException("no CIDR range in \"" + text + "\"");
    }
    return new AllowList(List.copyOf(ranges));
  }

  public boolean allows(InetAddress address) {
    byte[] bytes = address.getAddress();
    for (Range range : ranges) {
      if (range.contains(bytes)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return ranges.toString();
  }

  private static final java.util.regex.Pattern IPV4 =
      java.util.regex.Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

  private record Range(byte[] network, int prefix, String text) {
    static Range parse(String text) throws WebConfigException {
      int slash = text.indexOf('/');
      String host = slash < 0 ? text : text.substring(0, slash);
      // Literals only, so that InetAddress never looks a name up: dotted quad, or hex digits with colons.
      boolean ipv4 = IPV4.matcher(host).matches();
      boolean ipv6 = host.indexOf(':') >= 0
          && host.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':');
      if (!ipv4 && !ipv6) {
        throw bad(text);
      }
      byte[] network;
      try {
        network = InetAddress.getByName(host).getAddress(); // a literal: no name look-up
      } catch (UnknownHostException e) {
        throw bad(text);
      }
      int bits = network.length * 8;
      int prefix;
      try {
        prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw bad(text);
      }
      if (prefix < 0 || prefix > bits) {
        throw bad(text);
      }
      return new Range(network, prefix, text);
    }

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = 0xff << (8 - rest);
      return (address[full] & mask) == (network[full] & mask);
    }

    private static WebConfigException bad(String text) {
      return new WebConfigException("\"" + text + "\" is not an IPv4 or IPv6 address with an optional /prefix"
          + " (e.g. 10.0.0.0/8, fd00::/8)");
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
