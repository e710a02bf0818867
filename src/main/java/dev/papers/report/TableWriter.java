package dev.papers.report;

import dev.papers.model.Source;
import dev.papers.model.Histogram;
import dev.papers.rank.RankResult;
import dev.papers.rank.RankedPaper;
import dev.papers.rank.VelocityResult;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code rank --format table}: columns {@code #}, citations per year, method ({@code obs},
 * {@code hist}, {@code life}; {@code ~} when approximate), citations, source ({@code s2},
 * {@code scholar}, {@code reported}, ...), year, title, id. Aligned by display width; every line fits
 * the width (titles, then ids, are cut with "…"). Members with no count follow, with the
 * {@code papers fetch} command that would fill them in. ANSI colour only when asked for.
 */
public final class TableWriter implements RankWriter {
  private static final String BOLD = "\u001b[1m";
  private static final String DIM = "\u001b[2m";
  private static final String GREEN = "\u001b[32m";
  private static final String YELLOW = "\u001b[33m";
  private static final String RESET = "\u001b[0m";
  private static final int MAX_ID = 32;
  private static final int MAX_SOURCE = 10;
  private static final int SRC = 5;
  private static final int TITLE = 7;
  private static final int ID = 8;
  /** What every writer shows for a paper whose title no source has given yet. */
  public static final String NO_TITLE = "(no title yet)";

  private final ReportOptions options;

  public TableWriter(ReportOptions options) {
    this.options = options;
  }

  /** One row's cells, before padding. */
  private record Row(String[] cells, RankedPaper entry) {}

  @Override
  public void write(RankResult result, PrintWriter out) {
    int width = options.width();
    String date = result.asOf().atZone(ZoneOffset.UTC).toLocalDate().toString();
    for (String h : heading(result, date, width)) {
      line(out, paint(h, BOLD));
    }

    String[] header = {"#", "cites/yr", "how", "cites", "seen", "src", "year", "title", "id"};
    boolean[] right = {true, true, false, true, true, false, false, false, false};
    List<Row> rows = new ArrayList<>();
    for (RankedPaper e : result.entries()) {
      rows.add(new Row(cells(e, result.asOf()), e));
    }
    List<String[]> cells = new ArrayList<>();
    for (Row r : rows) {
      cells.add(r.cells());
    }
    int[] caps = new int[header.length];
    caps[SRC] = MAX_SOURCE;
    caps[ID] = MAX_ID;
    int[] w = Columns.fit(header, cells, width, caps, TITLE, ID);

    line(out, paint(DisplayWidth.truncate(Columns.render(header, w, right), width), BOLD));
    boolean unrankedStarted = false;
    for (Row r : rows) {
      RankedPaper e = r.entry();
      if (!e.ranked() && !unrankedStarted) {
        unrankedStarted = true;
        String divider = "-- not ranked yet: no citation count as of " + date;
        line(out, DisplayWidth.of(divider) <= width ? divider : "-- not ranked yet, as of " + date);
      }
      String text = DisplayWidth.truncate(Columns.render(r.cells(), w, right), width);
      line(out, e.ranked() ? colourRanked(text, r.cells(), w) : paint(text, DIM));
      if (options.explain()) {
        for (String l : wrap(Fields.explanation(e), width, "      ")) {
          line(out, l);
        }
        for (Histogram h : SvgChart.histograms(e.paper(), result.asOf())) {
          line(out, DisplayWidth.truncate("      citations by year (" + shortSource(h.source()) + "): "
              + Sparkline.line(h, options.terminal()), width));
        }
      }
    }
    if (result.omitted() > 0) {
      line(out, DisplayWidth.truncate("-- " + result.omitted() + " more not ranked yet (--all lists them)", width));
    }
    if (result.entries().isEmpty() && result.omitted() == 0) {
      line(out, "(no members: the topic's include, keywords and tags match nothing in the cache)");
    }
    String fetch = result.fetchCommand();
    if (fetch != null) {
      out.write('\n');
      line(out, DisplayWidth.truncate("To fetch the counts of the members not ranked yet:", width));
      for (String l : wrapCommand(fetch, width)) {
        line(out, l);
      }
    }
    out.flush();
  }

  /**
   * The heading: the topic's title and name, and the ranking's date, which is never cut: a title too
   * long for the width is cut first; on a very narrow terminal the date goes on a line of its own.
   */
  static List<String> heading(RankResult result, String date, int width) {
    String title = DisplayWidth.clean(result.topic().title());
    String name = " (" + DisplayWidth.clean(result.topic().name()) + ")";
    String when = "as of " + date + (result.since() == null ? "" : ", since " + result.since());
    String tail = name + ": citations per year, " + when;
    if (DisplayWidth.of(title) + DisplayWidth.of(tail) <= width) {
      return List.of(title + tail);
    }
    int room = width - DisplayWidth.of(tail);
    if (room >= Columns.MIN_TITLE) {
      return List.of(DisplayWidth.truncate(title, room) + tail);
    }
    return List.of(DisplayWidth.truncate(title + name, width),
        DisplayWidth.truncate("citations per year, " + when, width).endsWith("…")
            ? DisplayWidth.truncate(when, width) : "citations per year, " + when);
  }

  private String[] cells(RankedPaper e, java.time.Instant asOf) {
    VelocityResult v = e.velocity();
    String rank = e.rank() == null ? "-" : Integer.toString(e.rank());
    String vel = v == null ? "-" : String.format(Locale.ROOT, "%.1f", v.velocity());
    String how = v == null ? "" : marker(v);
    String count = e.count() == null ? "-" : Integer.toString(e.count());
    java.time.Instant seenAt = v != null ? v.observedAt() : e.latest() != null ? e.latest().observedAt() : null;
    String seen = seenAt == null ? "" : Age.compact(seenAt, asOf);
    String source = e.source() == null ? "" : shortSource(e.source());
    String year = e.paper().year() == null ? "" : Integer.toString(e.paper().year());
    String title = e.paper().title() == null
        ? (e.cached() ? NO_TITLE : "(not fetched yet)")
        : DisplayWidth.clean(e.paper().title());
    return new String[] {rank, vel, how, count, seen, source, year, title, DisplayWidth.clean(e.displayId())};
  }

  /** {@code obs}, {@code hist} or {@code life}, with {@code ~} when approximate. */
  public static String marker(VelocityResult v) {
    String m = switch (v.method()) {
      case VelocityResult.OBSERVED -> "obs";
      case VelocityResult.HISTOGRAM -> "hist";
      default -> "life";
    };
    return v.approximate() ? m + "~" : m;
  }

  /** {@code s2} for Semantic Scholar (the flag name), other sources as they are named. */
  public static String shortSource(String source) {
    Source s = Source.fromJson(source);
    return s != null && s.flag() != null ? s.flag() : source;
  }

  private String colourRanked(String text, String[] cells, int[] w) {
    if (!options.color()) {
      return text;
    }
    // colour the velocity and method cells in place: their columns are known
    int start = w[0] + Columns.GAP.length();
    int end = start + w[1] + Columns.GAP.length() + w[2];
    if (text.length() < end || DisplayWidth.of(text.substring(0, end)) != end) {
      return text;
    }
    String colour = cells[2].endsWith("~") ? YELLOW : GREEN;
    return text.substring(0, start) + colour + text.substring(start, end) + RESET + text.substring(end);
  }

  private String paint(String s, String code) {
    return options.color() ? code + s + RESET : s;
  }

  private static void line(PrintWriter out, String s) {
    out.write(s);
    out.write('\n');
  }

  /** Words wrapped to the width, each line indented. */
  static List<String> wrap(String text, int width, String indent) {
    List<String> lines = new ArrayList<>();
    StringBuilder cur = new StringBuilder(indent);
    for (String word : DisplayWidth.clean(text).split(" ")) {
      if (word.isEmpty()) {
        continue;
      }
      boolean empty = cur.length() == indent.length();
      if (!empty && DisplayWidth.of(cur.toString()) + 1 + DisplayWidth.of(word) > width) {
        lines.add(cur.toString());
        cur = new StringBuilder(indent);
        empty = true;
      }
      if (!empty) {
        cur.append(' ');
      }
      cur.append(word);
    }
    if (cur.length() > indent.length()) {
      lines.add(cur.toString());
    }
    List<String> fitted = new ArrayList<>(lines.size());
    for (String l : lines) {
      fitted.add(DisplayWidth.truncate(l, width));
    }
    return fitted;
  }

  /** A shell command wrapped with {@code \} continuations so each line fits. */
  static List<String> wrapCommand(String command, int width) {
    List<String> lines = new ArrayList<>();
    String indent = "  ";
    StringBuilder cur = new StringBuilder(indent);
    for (String word : command.split(" ")) {
      boolean empty = cur.length() == indent.length();
      if (!empty && DisplayWidth.of(cur.toString()) + 1 + DisplayWidth.of(word) + 2 > width) {
        lines.add(cur.append(" \\").toString());
        cur = new StringBuilder(indent + "  ");
        empty = true;
      }
      if (!empty) {
        cur.append(' ');
      }
      cur.append(word);
    }
    lines.add(cur.toString());
    return lines;
  }
}
