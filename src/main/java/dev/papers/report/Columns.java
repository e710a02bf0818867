package dev.papers.report;

import java.util.List;

/**
 * The columns of a terminal table ({@code rank}'s, {@code suggest}'s): each as wide as its widest cell
 * (or its cap), the title taking what the width leaves, the id column giving up room first (down to
 * 10) so that a title keeps at least {@link #MIN_TITLE}.
 */
final class Columns {
  static final String GAP = "  ";
  static final int MIN_TITLE = 12;

  private Columns() {}

  /**
   * @param caps the most each column may take (0: no cap)
   * @param title the title column, @param id the id column
   */
  static int[] fit(String[] header, List<String[]> rows, int width, int[] caps, int title, int id) {
    int n = header.length;
    int[] w = new int[n];
    for (int c = 0; c < n; c++) {
      w[c] = DisplayWidth.of(header[c]);
      for (String[] r : rows) {
        w[c] = Math.max(w[c], DisplayWidth.of(r[c]));
      }
      if (caps[c] > 0) {
        w[c] = Math.min(w[c], caps[c]);
      }
    }
    int fixed = GAP.length() * (n - 1);
    for (int c = 0; c < n; c++) {
      fixed += c == title ? 0 : w[c];
    }
    int room = width - fixed;
    if (room < MIN_TITLE) {
      int shrink = Math.min(MIN_TITLE - room, Math.max(0, w[id] - 10));
      w[id] -= shrink;
      room += shrink;
    }
    w[title] = Math.max(Math.min(w[title], room), Math.min(MIN_TITLE, w[title]));
    return w;
  }

  /** A row: cells cut to their widths, padded (right-aligned where asked), the last one not padded. */
  static String render(String[] cells, int[] w, boolean[] right) {
    StringBuilder b = new StringBuilder();
    for (int c = 0; c < cells.length; c++) {
      if (c > 0) {
        b.append(GAP);
      }
      String cell = DisplayWidth.truncate(cells[c], w[c]);
      boolean last = c == cells.length - 1;
      b.append(right[c] ? DisplayWidth.padLeft(cell, w[c]) : last ? cell : DisplayWidth.padRight(cell, w[c]));
    }
    return b.toString();
  }
}
