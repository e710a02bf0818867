package dev.papers.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** The lines {@code papers refresh} writes: its one-line summary and its log line. */
public final class RefreshReport {
  private RefreshReport() {}

  /**
   * What a run did, in numbers.
   *
   * @param refreshed papers refreshed
   * @param notFound papers no asked source knew
   * @param failed papers a source failed for
   * @param skipped fresh papers skipped
   * @param left stale papers left for the next run
   * @param stoppedAtDeadline whether the deadline stopped the run
   * @param stoppedBecause why the run stopped before it was done, when the cache could not be written
   *     ("cannot write to the cache: No space left on device"), or null
   */
  public record Counts(int refreshed, int notFound, int failed, int skipped, int left, boolean stoppedAtDeadline,
      String stoppedBecause) {
    public Counts(int refreshed, int notFound, int failed, int skipped, int left, boolean stoppedAtDeadline) {
      this(refreshed, notFound, failed, skipped, left, stoppedAtDeadline, null);
    }
  }

  /** {@code 1200 refreshed, 0 not found, 0 failed, 35 skipped (fresh), 0 left; requests: ...; 2.0s}. */
  public static String summaryLine(Counts r, Map<String, Integer> requests, long millis) {
    StringBuilder b = new StringBuilder();
    b.append(r.refreshed()).append(" refreshed, ").append(r.notFound()).append(" not found, ")
        .append(r.failed()).append(" failed, ").append(r.skipped()).append(" skipped (fresh), ")
        .append(r.left()).append(" left; requests: ");
    StringBuilder req = new StringBuilder();
    requests.forEach((k, v) -> req.append(req.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
    b.append(req.length() == 0 ? "none" : req).append("; ").append(seconds(millis));
    if (r.stoppedBecause() != null) {
      b.append("; stopped: ").append(r.stoppedBecause()).append(", ").append(r.refreshed()).append(" saved, ")
          .append(r.left()).append(" left");
    } else if (r.stoppedAtDeadline()) {
      b.append("; stopped at the deadline, ").append(r.left()).append(" left");
    }
    return b.toString();
  }

  /**
   * One line per run: {@code 2026-11-22T10:00:00Z exit=0 refreshed=1200 notFound=0 failed=0 skipped=35
   * left=0 requests=arxiv:0,semanticScholar:3 time=2.0s [note="..."]}. Never holds a secret (no header,
   * no environment).
   *
   * @param r the numbers, or null when the run did nothing (the lock was held)
   */
  public static String logLine(Instant at, int code, Counts r, Map<String, Integer> requests, long millis,
      String note) {
    StringBuilder b = new StringBuilder();
    b.append(at).append(" exit=").append(code);
    if (r != null) {
      b.append(" refreshed=").append(r.refreshed()).append(" notFound=").append(r.notFound())
          .append(" failed=").append(r.failed()).append(" skipped=").append(r.skipped())
          .append(" left=").append(r.left());
    }
    StringBuilder req = new StringBuilder();
    requests.forEach((k, v) -> req.append(req.length() == 0 ? "" : ",").append(k).append(':').append(v));
    b.append(" requests=").append(req.length() == 0 ? "none" : req).append(" time=").append(seconds(millis));
    if (note != null) {
      b.append(" note=\"").append(note.replace("\"", "'")).append('"');
    }
    return b.append('\n').toString();
  }

  /**
   * Appends a line to the log file, making its directory when needed. One write of one short line in
   * append mode: lines of runs that overlap never interleave. No file, no line.
   */
  public static void append(Path log, String line) throws IOException {
    if (log == null) {
      return;
    }
    Path abs = log.toAbsolutePath();
    if (abs.getParent() != null) {
      Files.createDirectories(abs.getParent());
    }
    Files.write(abs, line.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
        StandardOpenOption.APPEND, StandardOpenOption.WRITE);
  }

  /** {@link #append}, telling {@code problem} in one line instead of failing: the run's outcome stands. */
  public static void appendOrSay(Path log, String line, java.util.function.Consumer<String> problem) {
    try {
      append(log, line);
    } catch (IOException e) {
      problem.accept("cannot append to the log " + log + ": " + e.getMessage());
    }
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
  }
}
