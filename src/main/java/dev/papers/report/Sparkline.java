package dev.papers.report;

import dev.papers.model.Histogram;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** Per-year counts drawn as one line of block characters (▁▂▃▄▅▆▇█), for a terminal. */
public final class Sparkline {
  private static final char[] BARS = {'▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};

  private Sparkline() {}

  /** One block per value, scaled to the largest ({@code ▁} for 0 and for all-equal small values). */
  public static String of(List<Integer> values) {
    int max = 0;
    for (int v : values) {
      max = Math.max(max, v);
    }
    StringBuilder b = new StringBuilder(values.size());
    for (int v : values) {
      int i = max <= 0 || v <= 0 ? 0 : (int) Math.round((double) v * (BARS.length - 1) / max);
      b.append(BARS[Math.max(0, Math.min(BARS.length - 1, i))]);
    }
    return b.toString();
  }

  /**
   * The histogram's years, from the first it lists to the year it was made, a year it does not list
   * counted 0 (as {@code show} prints them: OpenAlex leaves out the years without citations).
   */
  public static SortedMap<Integer, Integer> years(Histogram h) {
    return PaperTextWriter.byYear(h);
  }

  /**
   * The line {@code show} and {@code rank --explain} print for a histogram: on a terminal,
   * {@code ▁▃▆█ 2019-2022 (max 40)}; elsewhere the plain numbers, {@code 2019: 3 2020: 10 ...}.
   */
  public static String line(Histogram h, boolean terminal) {
    SortedMap<Integer, Integer> years = years(h);
    if (years.isEmpty()) {
      return "no citing paper with a year";
    }
    if (!terminal) {
      List<String> parts = new ArrayList<>();
      for (Map.Entry<Integer, Integer> e : years.entrySet()) {
        parts.add(e.getKey() + ": " + e.getValue());
      }
      return String.join(" ", parts);
    }
    int max = years.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    String range = years.firstKey().equals(years.lastKey()) ? years.firstKey().toString()
        : years.firstKey() + "-" + years.lastKey();
    return of(new ArrayList<>(years.values())) + " " + range + " (max " + max + ", last " + years.get(years.lastKey()) + ")";
  }
}
