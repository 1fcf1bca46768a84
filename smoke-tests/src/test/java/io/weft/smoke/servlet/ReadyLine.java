package io.weft.smoke.servlet;

import java.util.concurrent.CountDownLatch;

/** What every launcher does once its container listens: say so on stdout, then keep running. */
final class ReadyLine {
  private ReadyLine() {}

  static void printAndWait(int port) throws InterruptedException {
    System.out.println("servlet app ready on port " + port);
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
