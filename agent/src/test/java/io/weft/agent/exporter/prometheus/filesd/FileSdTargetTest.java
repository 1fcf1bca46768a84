package io.weft.agent.exporter.prometheus.filesd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSdTargetTest {
  @TempDir
  Path dir;

  @Test
  void theFileNamesTheBoundAddressSchemeAndLabels() throws Exception {
    FileSdTarget target = FileSdTarget.publish(dir, "checkout", "i-1", "shop",
        new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 41234), true, "vm-7");
    assertEquals(dir.resolve("checkout-i-1.json"), target.file());
    String json = Files.readString(target.file());
    assertEquals("[{\"targets\":[\"127.0.0.1:41234\"],\"labels\":{\"__scheme__\":\"https\",\"job\":\"shop\","
        + "\"service_name\":\"checkout\",\"service_instance_id\":\"i-1\",\"__meta_weft_host\":\"vm-7\","
        + "\"__meta_weft_pid\":\"" + ProcessHandle.current().pid() + "\"}}]\n", json);
    assertEquals(List.of(target.file()), files(), "no temporary file may be left");
    target.remove();
    assertEquals(List.of(), files());
  }

  @Test
  void theWildcardAddressBecomesAReachableOne() {
    String target = FileSdTarget.target(new InetSocketAddress(0));
    assertFalse(target.startsWith("0.0.0.0") || target.startsWith("[::]"), target);
    assertTrue(target.endsWith(":0"), target);
  }

  @Test
  void ipv6TargetsAreBracketed() throws Exception {
    assertEquals("[0:0:0:0:0:0:0:1]:9464", FileSdTarget.target(new InetSocketAddress(InetAddress.getByName("::1"), 9464)));
  }

  @Test
  void aStaleFileOfAnEndedProcessOnThisHostIsRemovedAndOthersStay() throws Exception {
    long ended = endedPid();
    Files.writeString(dir.resolve("old-x.json"), "[{\"targets\":[\"h:1\"],\"labels\":{\"__meta_weft_host\":\"vm-7\","
        + "\"__meta_weft_pid\":\"" + ended + "\"}}]");
    Files.writeString(dir.resolve("other-host.json"), "[{\"targets\":[\"h:1\"],\"labels\":{\"__meta_weft_host\":\"vm-8\","
        + "\"__meta_weft_pid\":\"" + ended + "\"}}]");
    Files.writeString(dir.resolve("alive.json"), "[{\"targets\":[\"h:1\"],\"labels\":{\"__meta_weft_host\":\"vm-7\","
        + "\"__meta_weft_pid\":\"" + ProcessHandle.current().pid() + "\"}}]");
    Files.writeString(dir.resolve("not-ours.json"), "[{\"targets\":[\"h:1\"]}]");
    FileSdTarget.publish(dir, "svc", "i", "svc", new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 1), false, "vm-7");
    assertEquals(List.of(dir.resolve("alive.json"), dir.resolve("not-ours.json"), dir.resolve("other-host.json"),
        dir.resolve("svc-i.json")), files());
  }

  @Test
  void theSameInstanceOverwritesItsFile() throws Exception {
    Files.writeString(dir.resolve("svc-i.json"), "stale");
    FileSdTarget target = FileSdTarget.publish(dir, "svc", "i", "svc",
        new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 2), false, "vm");
    assertTrue(Files.readString(target.file()).contains("\"127.0.0.1:2\""));
  }

  @Test
  void unusualCharactersInNamesBecomeUnderscores() {
    assertEquals("unknown_service_java-a_b.json", FileSdTarget.fileName("unknown_service:java", "a/b"));
  }

  private static long endedPid() throws Exception {
    Process process = new ProcessBuilder("true").start();
    process.waitFor();
    long pid = process.pid();
    assertNotEquals(ProcessHandle.current().pid(), pid);
    return pid;
  }

  private List<Path> files() throws Exception {
    try (Stream<Path> list = Files.list(dir)) {
      return list.sorted().toList();
    }
  }
}
