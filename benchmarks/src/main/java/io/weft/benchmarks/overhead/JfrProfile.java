package io.weft.benchmarks.overhead;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Execution samples of JFR recordings of the measured window ({@code --jfr}), counted by their top
 * frame (self samples) and by whether an agent frame is anywhere on the stack, so that a
 * configuration's profile can be set beside the no-agent one.
 */
final class JfrProfile {

  /** Samples by top frame, samples with an agent frame on the stack, all samples, requests served. */
  private final Map<String, Long> self = new HashMap<>();
  private long withAgentFrame;
  private long total;
  private long requests;

  void add(Path recording, long requestsInWindow) throws IOException {
    requests += requestsInWindow;
    for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
        continue;
      }
      RecordedStackTrace stack = e.getStackTrace();
      if (stack == null || stack.getFrames().isEmpty()) {
        continue;
      }
      total++;
      self.merge(frame(stack.getFrames().get(0)), 1L, Long::sum);
      if (stack.getFrames().stream().anyMatch(f -> isAgentFrame(frame(f)))) {
        withAgentFrame++;
      }
    }
  }

  private static String frame(RecordedFrame f) {
    return f.getMethod().getType().getName() + "." + f.getMethod().getName();
  }

  static boolean isAgentFrame(String frame) {
    return frame.startsWith("io.weft.") && !frame.startsWith("io.weft.demo.")
        || frame.startsWith("io.opentelemetry.");
  }

  /** Self samples per 100,000 requests of one frame. */
  private double perHundredThousand(String frame) {
    return requests == 0 ? 0 : self.getOrDefault(frame, 0L) * 1e5 / requests;
  }

  /** The top frames by self samples, and against a baseline the frames whose rate grew most. */
  String describe(String label, JfrProfile baseline, int top) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT,
        "JFR %s: %d execution samples over %d requests; %.1f %% of them with an agent frame on the stack%n",
        label, total, requests, total == 0 ? 0 : 100.0 * withAgentFrame / total));
    out.append("  top frames by self samples (samples, share, per 100k requests):\n");
    self.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
        .forEach(e -> out.append(String.format(Locale.ROOT, "    %6d %5.1f %% %8.1f  %s%n", e.getValue(),
            100.0 * e.getValue() / total, perHundredThousand(e.getKey()), e.getKey())));
    if (baseline != null && baseline != this) {
      Map<String, Double> growth = new LinkedHashMap<>();
      for (String frame : self.keySet()) {
        growth.put(frame, perHundredThousand(frame) - baseline.perHundredThousand(frame));
      }
      out.append("  frames that gained most self samples per 100k requests against no agent:\n");
      growth.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(top)
          .forEach(e -> out.append(String.format(Locale.ROOT, "    %+8.1f  %s%n", e.getValue(), e.getKey())));
    }
    return out.toString();
  }

  static List<String> jcmdStart(Path recording) {
    return List.of("JFR.start", "name=overhead", "settings=profile", "filename=" + recording);
  }

  static List<String> jcmdStop() {
    return List.of("JFR.stop", "name=overhead");
  }
}
