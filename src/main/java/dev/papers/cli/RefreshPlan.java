package dev.papers.cli;

import dev.papers.service.RefreshService;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** {@code papers refresh --plan}: one line per source asked, and a total. */
final class RefreshPlan {
  private RefreshPlan() {}

  static void print(List<RefreshService.PlanLine> lines, Duration olderThan, PrintWriter out) {
    out.println("papers refresh --plan (stale: no count newer than " + Durations.human(olderThan)
        + "; nothing is sent)");
    out.println(String.format(Locale.ROOT, "%-18s %8s %9s  %s", "source", "stale", "requests", "least time"));
    int requests = 0;
    Duration sum = Duration.ZERO;
    for (RefreshService.PlanLine l : lines) {
      out.println(String.format(Locale.ROOT, "%-18s %8d %9d  %s", l.source().displayName(), l.stale(),
          l.requests(), Durations.human(l.leastTime())));
      requests += l.requests();
      sum = sum.plus(l.leastTime());
    }
    // The sources are asked one after another: their least times add up.
    out.println(String.format(Locale.ROOT, "%-18s %8s %9d  %s", "total", "", requests, Durations.human(sum)));
    out.flush();
  }

  /** Durations for people: {@code 0s}, {@code 250ms}, {@code 4.9s}, {@code 2m 30s}, {@code 1h 5m}. */
  static final class Durations {
    private Durations() {}

    static String human(Duration d) {
      long ms = d.toMillis();
      if (ms < 1000) {
        return ms == 0 ? "0s" : ms + "ms";
      }
      if (ms < 60_000) {
        return ms % 1000 == 0 ? ms / 1000 + "s" : String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
      }
      long s = ms / 1000;
      if (ms % 86_400_000 == 0) {
        return s / 86_400 + "d";
      }
      if (s < 3600) {
        return s / 60 + "m" + (s % 60 == 0 ? "" : " " + s % 60 + "s");
      }
      return s / 3600 + "h" + (s % 3600 / 60 == 0 ? "" : " " + s % 3600 / 60 + "m");
    }
  }
}
