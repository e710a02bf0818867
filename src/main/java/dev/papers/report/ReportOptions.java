package dev.papers.report;

/**
 * How a ranking is written.
 *
 * @param color ANSI colour (tables only); the CLI passes false when stdout is not a terminal or
 *     {@code NO_COLOR} is set
 * @param width the width in columns (tables and lists; at least 40), or {@link #UNLIMITED}
 * @param explain add, per paper, the method, the source and the numbers that went in
 * @param terminal stdout is a terminal: per-year counts are drawn as a sparkline (plain numbers otherwise)
 */
public record ReportOptions(boolean color, int width, boolean explain, boolean terminal) {
  public static final int DEFAULT_WIDTH = 100;
  /** No width limit: output to a pipe or a file, or {@code --wide}: nothing is cut. */
  public static final int UNLIMITED = Integer.MAX_VALUE;

  public ReportOptions {
    if (width < 40) {
      width = 40;
    }
  }

  /** Options for output that is not a terminal's (no sparklines). */
  public ReportOptions(boolean color, int width, boolean explain) {
    this(color, width, explain, false);
  }

  /**
   * The options for standard output: colour only on a terminal and when {@code NO_COLOR} is unset or
   * empty (no-color.org); on a terminal, its width ({@code columns}), else 100; not on a terminal, no
   * width limit.
   *
   * @param terminal whether stdout is a terminal ({@code System.console() != null})
   * @param noColor the value of {@code NO_COLOR}, or null
   * @param columns the terminal's width in columns, or null when unknown
   */
  public static ReportOptions forOutput(boolean terminal, String noColor, String columns, boolean explain) {
    return forOutput(terminal, noColor, columns, explain, false);
  }

  /** As {@link #forOutput(boolean, String, String, boolean)}; {@code wide}: no width limit. */
  public static ReportOptions forOutput(boolean terminal, String noColor, String columns, boolean explain,
      boolean wide) {
    int width = UNLIMITED;
    if (terminal && !wide) {
      width = DEFAULT_WIDTH;
      if (columns != null && columns.strip().matches("\\d{1,4}") && Integer.parseInt(columns.strip()) > 0) {
        width = Integer.parseInt(columns.strip());
      }
    }
    boolean color = terminal && (noColor == null || noColor.isEmpty());
    return new ReportOptions(color, width, explain, terminal);
  }

  /** No colour, 100 columns, no explanation. */
  public static ReportOptions plain() {
    return new ReportOptions(false, DEFAULT_WIDTH, false);
  }
}
