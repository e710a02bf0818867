package dev.papers.cli;

import dev.papers.source.Progress;
import java.io.PrintWriter;

/** What the standard streams are connected to. */
public final class Terminal {
  private Terminal() {}

  /** Whether standard output goes to a terminal (not a pipe or a file). */
  public static boolean interactive() {
    return System.console() != null;
  }

  /** A one-line progress display on stderr when interactive, else nothing. */
  public static Progress progress(PrintWriter err, boolean enabled) {
    if (!enabled || !interactive()) {
      return Progress.NONE;
    }
    return new Progress() {
      private long lastDraw;

      @Override
      public synchronized void update(long done, long total, String what) {
        long now = System.nanoTime();
        if (done < total && now - lastDraw < 100_000_000L) {
          return;
        }
        lastDraw = now;
        int width = 30;
        int filled = total <= 0 ? 0 : (int) Math.min(width, done * width / total);
        err.print("\r" + what + " [" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total);
        if (done >= total) {
          err.print("\r" + " ".repeat(what.length() + width + 24) + "\r");
        }
        err.flush();
      }
    };
  }
}
