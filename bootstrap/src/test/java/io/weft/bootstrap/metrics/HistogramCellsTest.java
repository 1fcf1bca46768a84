package io.weft.bootstrap.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistogramCellsTest {

  @Test
  void recordsSpreadOverSeveralStripesAddUpExactly() throws InterruptedException {
    HistogramCells cells = new HistogramCells(3);
    for (int i = 0; i < 10; i++) {
      cells.record(0, 1.0);
    }
    cells.grow(cells.stripes());
    cells.grow(cells.stripes());
    assertEquals(4, cells.stripeCount());
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      Thread thread = new Thread(() -> {
        for (int i = 0; i < 50_000; i++) {
          cells.record(i % 2 == 0 ? 1 : 2, 2.0);
        }
      });
      thread.start();
      threads.add(thread);
    }
    HistogramCells.Totals during = cells.read();
    assertEquals(during.count(), during.bucketCounts()[0] + during.bucketCounts()[1] + during.bucketCounts()[2]);
    for (Thread thread : threads) {
      thread.join();
    }
    HistogramCells.Totals t = cells.read();
    assertArrayEquals(new long[] {10, 200_000, 200_000}, t.bucketCounts());
    assertEquals(400_010, t.count());
    assertEquals(10 + 800_000.0, t.sum());
    assertEquals(1.0, t.min());
    assertEquals(2.0, t.max());
  }

  @Test
  void growingTwiceFromTheSameViewAddsStripesOnce() {
    HistogramCells cells = new HistogramCells(1);
    HistogramCells.Stripe[] seen = cells.stripes();
    cells.grow(seen);
    cells.grow(seen);
    assertEquals(2, cells.stripeCount());
  }
}
