package dev.papers.report;

/**
 * How a ranking is written.
 *
 * @param color ANSI colour (tables only); the CLI passes false when stdout is not a terminal or
 *     {@code NO_COLOR} is set
 * @param width the terminal width in columns (tables only; 100 when unknown)
 * @param explain add, per paper, the method, the source and the numbers that went in
 */
public record ReportOptions(boolean color, int width, boolean explain) {
  public static final int DEFAULT_WIDTH = 100;

  public ReportOptions {
    if (width < 40) {
      width = 40;
    }
  }

  /** No colour, 100 columns, no explanation. */
  public static ReportOptions plain() {
    return new ReportOptions(false, DEFAULT_WIDTH, false);
  }
}
