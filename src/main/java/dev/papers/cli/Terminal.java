package dev.papers.cli;

import dev.papers.source.Progress;
import java.io.PrintWriter;
import java.util.Map;

/** What the standard streams are connected to. */
public final class Terminal {
  private Terminal() {}

  /** Whether standard output goes to a terminal (not a pipe or a file). */
  public static boolean interactive() {
    return System.console() != null;
  }

  /**
   * The terminal's width in columns, or null when unknown: what the launcher asked the terminal
   * ({@code stty size}, passed as {@code -Dpapers.columns}), else {@code COLUMNS} when exported,
   * else (a JVM started without the launcher) {@code stty size} asked here, on a terminal only.
   */
  public static String columns(Map<String, String> env) {
    String v = System.getProperty("papers.columns");
    if (positive(v)) {
      return v.strip();
    }
    v = env.get("COLUMNS");
    if (positive(v)) {
      return v.strip();
    }
    if (!interactive() || !new java.io.File("/dev/tty").canRead()) {
      return null;
    }
    try {
      Process p = new ProcessBuilder("stty", "size").redirectInput(new java.io.File("/dev/tty"))
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).strip();
      p.waitFor();
      String[] rowsCols = out.split("\\s+");
      return rowsCols.length == 2 && positive(rowsCols[1]) ? rowsCols[1] : null;
    } catch (java.io.IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static boolean positive(String v) {
    return v != null && v.strip().matches("[1-9][0-9]{0,4}");
  }

  /** Colour only on a terminal, and never with NO_COLOR set. */
  public static boolean color(Map<String, String> env) {
    return interactive() && env.get("NO_COLOR") == null;
  }

  /**
   * A one-line progress display on stderr when interactive, else nothing. A run stopped while the
   * line is shown (Ctrl-C) ends it with a line break, so that the shell's prompt starts on a line of
   * its own.
   */
  public static Progress progress(PrintWriter err, boolean enabled) {
    if (!enabled || !interactive()) {
      return Progress.NONE;
    }
    Line line = new Line(err);
    Runtime.getRuntime().addShutdownHook(new Thread(line::interrupted, "papers-progress"));
    return line;
  }

  /** The progress line itself. */
  static final class Line implements Progress {
    private final PrintWriter err;
    private long lastDraw;
    private boolean shown;

    Line(PrintWriter err) {
      this.err = err;
    }

    @Override
    public synchronized void update(long done, long total, String what) {
      long now = System.nanoTime();
      if (done < total && now - lastDraw < 100_000_000L && shown) {
        return;
      }
      lastDraw = now;
      int width = 30;
      int filled = total <= 0 ? 0 : (int) Math.min(width, done * width / total);
      err.print("\r" + what + " [" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total);
      shown = true;
      if (done >= total) {
        err.print("\r" + " ".repeat(what.length() + width + 24) + "\r");
        shown = false;
      }
      err.flush();
    }

    /** The run stops (the JVM shuts down): a line still shown is ended. */
    synchronized void interrupted() {
      if (shown) {
        err.print("\n");
        err.flush();
        shown = false;
      }
    }
  }
}
