package io.weft.agent.exporter.prometheus.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class AllowListTest {

  @Test
  void ipv4RangesMatchByPrefix() throws Exception {
    AllowList allow = AllowList.parse("10.0.0.0/8, 192.168.1.0/25");
    assertTrue(allow.allows(InetAddress.getByName("10.255.1.2")));
    assertTrue(allow.allows(InetAddress.getByName("192.168.1.127")));
    assertFalse(allow.allows(InetAddress.getByName("192.168.1.128")));
    assertFalse(allow.allows(InetAddress.getByName("11.0.0.1")));
    assertFalse(allow.allows(InetAddress.getByName("127.0.0.1")));
  }

  @Test
  void ipv6RangesMatchAndFamiliesDoNotMix() throws Exception {
    AllowList allow = AllowList.parse("fd00::/8,::1");
    assertTrue(allow.allows(InetAddress.getByName("fd12:3456::1")));
    assertTrue(allow.allows(InetAddress.getByName("::1")));
    assertFalse(allow.allows(InetAddress.getByName("fe80::1")));
    assertFalse(allow.allows(InetAddress.getByName("127.0.0.1")));
  }

  @Test
  void anIpv4MappedClientIsMatchedAsIpv4() throws Exception {
    // The JDK presents ::ffff:10.1.2.3 as an Inet4Address.
    assertTrue(AllowList.parse("10.0.0.0/8").allows(InetAddress.getByName("::ffff:10.1.2.3")));
  }

  @Test
  void prefixZeroAllowsTheWholeFamily() throws Exception {
    assertTrue(AllowList.parse("0.0.0.0/0").allows(InetAddress.getByName("203.0.113.9")));
  }

  @Test
  void badEntriesAreRefusedWithTheEntryNamed() {
    for (String bad : new String[] {"10.0.0.0/33", "::1/129", "example.com", "10.0.0.0/x", "", " , "}) {
      WebConfigException e = assertThrows(WebConfigException.class, () -> AllowList.parse(bad), bad);
      assertTrue(e.getMessage().contains(bad.split(",")[0].trim()), e.getMessage());
    }
  }
}
