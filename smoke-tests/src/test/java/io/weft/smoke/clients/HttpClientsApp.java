package io.weft.smoke.clients;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Runs the scripts of the clients named in its arguments ({@code client:port:closedPort}, client one
 * of {@code jdk}, {@code urlconnection}, {@code apache}, {@code okhttp}), prints {@code done}, then
 * stays up until stopped so that its metrics can be scraped.
 *
 * <p>With {@code --await-agent} it first waits until the agent's scrape port (from {@code
 * WEFT_PROMETHEUS_PORT}) accepts connections, which the agent opens only after rewriting the classes
 * loaded before it; the check is a plain socket, which no client instrumentation sees.
 */
public final class HttpClientsApp {
  private HttpClientsApp() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    for (String arg : args) {
      if (arg.equals("--await-agent")) {
        awaitAgent(Integer.parseInt(System.getenv("WEFT_PROMETHEUS_PORT")));
        continue;
      }
      Target target = Target.parse(arg);
      Script script = switch (target.client()) {
        case "jdk" -> new JdkClientScript(target, out);
        case "urlconnection" -> new UrlConnectionScript(target, out);
        case "apache" -> new ApacheClientScript(target, out);
        case "okhttp" -> new OkHttpScript(target, out);
        default -> throw new IllegalArgumentException("unknown client " + target.client());
      };
      script.run();
    }
    out.println("done");
    out.flush();
    Thread.currentThread().join();
  }

  private static void awaitAgent(int port) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (true) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        return;
      } catch (IOException e) {
        if (System.nanoTime() - deadline > 0) {
          throw new IllegalStateException("the agent's scrape port " + port + " never opened", e);
        }
        Thread.sleep(20);
      }
    }
  }
}
