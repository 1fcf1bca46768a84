package io.weft.benchmarks.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Renders side-by-side bar panels (one panel per figure, one bar per configuration, with a
 * min–max whisker) as a PNG, headless, with nothing but the JDK.
 */
public final class BarChart {

  /** One panel: a figure measured for each configuration. */
  public record Panel(String title, String unit, List<Stats> values) {}

  private static final Color[] COLORS = {new Color(0x9e9e9e), new Color(0x2e7d32), new Color(0x1565c0),
      new Color(0x64b5f6)};
  private static final int PANEL_W = 300;
  private static final int PANEL_H = 260;

  private BarChart() {}

  public static void write(Path png, String title, List<String> configurations, List<Panel> panels)
      throws IOException {
    int width = PANEL_W * panels.size() + 40;
    int height = PANEL_H + 110;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.drawString(title, 20, 28);

    for (int p = 0; p < panels.size(); p++) {
      drawPanel(g, panels.get(p), 20 + p * PANEL_W, 50);
    }
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    int x = 20;
    for (int c = 0; c < configurations.size(); c++) {
      g.setColor(COLORS[c % COLORS.length]);
      g.fillRect(x, height - 30, 14, 14);
      g.setColor(Color.BLACK);
      g.drawString(configurations.get(c), x + 20, height - 18);
      x += 40 + g.getFontMetrics().stringWidth(configurations.get(c));
    }
    g.dispose();
    ImageIO.write(image, "png", png.toFile());
  }

  private static void drawPanel(Graphics2D g, Panel panel, int x0, int y0) {
    int plotTop = y0 + 30;
    int plotBottom = y0 + PANEL_H - 20;
    int plotH = plotBottom - plotTop;
    double max = 0;
    for (Stats s : panel.values()) {
      if (s.n() > 0) {
        max = Math.max(max, s.max());
      }
    }
    max = max <= 0 ? 1 : max * 1.15;
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    g.drawString(panel.title() + " (" + panel.unit() + ")", x0, y0 + 12);
    g.drawLine(x0, plotBottom, x0 + PANEL_W - 40, plotBottom);
    int barW = (PANEL_W - 60) / Math.max(1, panel.values().size()) - 10;
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    for (int i = 0; i < panel.values().size(); i++) {
      Stats s = panel.values().get(i);
      int bx = x0 + 10 + i * (barW + 10);
      if (s.n() == 0) {
        g.drawString("n/a", bx + barW / 2 - 8, plotBottom - 4);
        continue;
      }
      int h = (int) Math.round(s.median() / max * plotH);
      g.setColor(COLORS[i % COLORS.length]);
      g.fillRect(bx, plotBottom - h, barW, h);
      g.setColor(Color.BLACK);
      g.setStroke(new BasicStroke(1.5f));
      int yMin = plotBottom - (int) Math.round(s.min() / max * plotH);
      int yMax = plotBottom - (int) Math.round(s.max() / max * plotH);
      int cx = bx + barW / 2;
      g.drawLine(cx, yMin, cx, yMax);
      g.drawLine(cx - 5, yMin, cx + 5, yMin);
      g.drawLine(cx - 5, yMax, cx + 5, yMax);
      String label = String.format(Locale.ROOT, s.median() >= 100 ? "%.0f" : "%.1f", s.median());
      g.drawString(label, bx + (barW - g.getFontMetrics().stringWidth(label)) / 2, yMax - 6);
    }
  }
}
