package dev.papers.report;

import dev.papers.model.Citation;
import dev.papers.model.Histogram;
import dev.papers.model.Observation;
import dev.papers.model.Paper;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The readable block that {@code fetch} and {@code show} print for a paper. Every text field goes
 * through {@link DisplayWidth#clean}: one line each, and nothing a terminal would obey.
 */
public final class PaperTextWriter {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);

  private PaperTextWriter() {}

  /** Title, authors, year/venue/category, ids, and the current count of each source. */
  public static void block(Paper p, PrintWriter out) {
    out.println(p.title() == null ? TableWriter.NO_TITLE : DisplayWidth.clean(p.title()));
    if (!p.authors().isEmpty()) {
      List<String> a = p.authors().stream().map(DisplayWidth::clean).toList();
      out.println("  " + (a.size() <= 6 ? String.join(", ", a)
          : String.join(", ", a.subList(0, 5)) + ", … (" + a.size() + " authors)"));
    }
    List<String> facts = new ArrayList<>();
    if (p.published() != null) {
      facts.add(p.published().toString());
    } else if (p.year() != null) {
      facts.add(p.year().toString());
    }
    if (p.venue() != null) {
      facts.add(DisplayWidth.clean(p.venue()));
    } else if (p.journalRef() != null) {
      facts.add(DisplayWidth.clean(p.journalRef()));
    }
    if (p.primaryCategory() != null) {
      facts.add(DisplayWidth.clean(p.primaryCategory()));
    }
    if (!facts.isEmpty()) {
      out.println("  " + String.join(" · ", facts));
    }
    List<String> ids = new ArrayList<>();
    ids.add(DisplayWidth.clean(p.id()));
    if (p.arxivId() != null && !p.id().equals("arxiv:" + p.arxivId())) {
      ids.add("arxiv:" + p.arxivId());
    }
    if (p.arxivVersion() != null) {
      ids.set(0, ids.get(0) + " (v" + p.arxivVersion() + ")");
    }
    if (p.doi() != null && !p.id().equals("doi:" + p.doi())) {
      ids.add("doi:" + p.doi());
    }
    if (p.openAlexId() != null && !p.id().equals("openalex:" + p.openAlexId())) {
      ids.add("openalex:" + p.openAlexId());
    }
    out.println("  " + String.join("  ", ids));
    if (p.citations().isEmpty()) {
      out.println("  citations: none observed yet");
    } else {
      for (Map.Entry<String, Citation> e : p.citations().entrySet()) {
        Citation c = e.getValue();
        StringBuilder b = new StringBuilder("  citations: ").append(DisplayWidth.clean(e.getKey())).append(' ')
            .append(c.count());
        if (c.influential() != null) {
          b.append(" (").append(c.influential()).append(" influential)");
        }
        b.append(", seen ").append(DAY.format(c.observedAt()));
        if (c.provenance() != null) {
          b.append(", reported in ").append(DisplayWidth.clean(c.provenance()));
        }
        out.println(b);
      }
    }
    if (!p.topics().isEmpty()) {
      out.println("  topics: " + DisplayWidth.clean(String.join(", ", p.topics())));
    }
  }

  /** The block, then every observation of the history and the histograms (as plain numbers). */
  public static void detail(Paper p, PrintWriter out) {
    detail(p, out, false);
  }

  /**
   * The block, then every observation of the history and the histograms; on a {@code terminal} the
   * per-year counts as a sparkline, else as plain numbers.
   */
  public static void detail(Paper p, PrintWriter out, boolean terminal) {
    block(p, out);
    if (p.abstractText() != null) {
      out.println();
      wrap(DisplayWidth.clean(p.abstractText()), "  ", 100, out);
    }
    out.println();
    if (p.history().isEmpty()) {
      out.println("  history: empty");
    } else {
      out.println("  history:");
      for (Observation o : p.history()) {
        out.printf("    %s  %-16s %8d%s%s%n", MINUTE.format(o.observedAt()), DisplayWidth.clean(o.source()), o.count(),
            o.isSuspect() ? "  suspect (0 after a non-zero count)" : "",
            o.provenance() != null ? "  " + DisplayWidth.clean(o.provenance()) : "");
      }
    }
    for (Histogram h : p.histograms().values()) {
      out.println("  citations by year (" + DisplayWidth.clean(h.source()) + ", made " + DAY.format(h.madeAt())
          + (h.partial() ? ", partial: scaled to " + h.total() : "") + "):");
      out.println("    " + Sparkline.line(h, terminal));
    }
  }

  /**
   * A histogram's years, each year from the first listed to the year it was made, those it does not list
   * as 0 (OpenAlex leaves out the years without citations).
   */
  static java.util.SortedMap<Integer, Integer> byYear(Histogram h) {
    java.util.SortedMap<Integer, Integer> out = new java.util.TreeMap<>(h.byYear());
    if (out.isEmpty()) {
      return out;
    }
    int last = Math.max(out.lastKey(), h.madeAt().atZone(java.time.ZoneOffset.UTC).getYear());
    if (last - out.firstKey() > 200) {
      return out;
    }
    for (int y = out.firstKey(); y <= last; y++) {
      out.putIfAbsent(y, 0);
    }
    return out;
  }

  /** Prints text as lines of at most {@code width} display columns, each after {@code indent}. */
  static void wrap(String text, String indent, int width, PrintWriter out) {
    StringBuilder line = new StringBuilder(indent);
    int used = indent.length();
    for (String word : text.split(" ")) {
      int w = DisplayWidth.of(word);
      if (used > indent.length() && used + 1 + w > width) {
        out.println(line);
        line.setLength(0);
        line.append(indent);
        used = indent.length();
      }
      if (used > indent.length()) {
        line.append(' ');
        used++;
      }
      line.append(word);
      used += w;
    }
    if (used > indent.length()) {
      out.println(line);
    }
  }
}
