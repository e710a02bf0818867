package dev.papers.report;

import dev.papers.model.Citation;
import dev.papers.model.Paper;
import dev.papers.model.PaperId;
import dev.papers.rank.RankedPaper;
import dev.papers.topic.Membership;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code papers list [--topic NAME]} as a table: id, year, the current count of every source
 * ({@code s2 1520 scholar 1700}; a reported count as {@code reported 11797}), title. Same width and
 * colour rules as {@link TableWriter}. Include ids that are not cached follow, with the command that
 * would fetch them.
 */
public final class ListWriter {
  private static final String GAP = "  ";
  private final ReportOptions options;

  public ListWriter(ReportOptions options) {
    this.options = options;
  }

  /** A topic's members (see {@link Membership#of}). */
  public void write(Membership.Members members, PrintWriter out) {
    write(members.papers(), members.notCached(), out);
  }

  /** Papers, in the order given, then the ids not cached. */
  public void write(List<Paper> papers, List<PaperId> notCached, PrintWriter out) {
    int width = options.width();
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"id", "year", "citations", "title"});
    for (Paper p : papers) {
      rows.add(new String[] {
          DisplayWidth.clean(RankedPaper.displayId(p)),
          p.year() == null ? "" : Integer.toString(p.year()),
          counts(p),
          p.title() == null ? "(no title yet)" : DisplayWidth.clean(p.title())});
    }
    int[] w = new int[3];
    for (String[] r : rows) {
      for (int c = 0; c < 3; c++) {
        w[c] = Math.max(w[c], DisplayWidth.of(r[c]));
      }
    }
    w[0] = Math.min(w[0], 32);
    w[2] = Math.min(w[2], 30);
    for (int i = 0; i < rows.size(); i++) {
      String[] r = rows.get(i);
      StringBuilder b = new StringBuilder();
      for (int c = 0; c < 3; c++) {
        b.append(DisplayWidth.padRight(DisplayWidth.truncate(r[c], w[c]), w[c])).append(GAP);
      }
      b.append(r[3]);
      String line = DisplayWidth.truncate(b.toString(), width);
      out.write(i == 0 && options.color() ? "\u001b[1m" + line + "\u001b[0m" : line);
      out.write('\n');
    }
    if (!notCached.isEmpty()) {
      List<String> ids = new ArrayList<>();
      for (PaperId id : notCached) {
        ids.add(id.withoutVersion().display());
      }
      out.write('\n');
      out.write(DisplayWidth.truncate("Not fetched yet (" + ids.size() + "):", width) + "\n");
      for (String l : TableWriter.wrapCommand("papers fetch " + String.join(" ", ids), width)) {
        out.write(l + "\n");
      }
    }
    out.flush();
  }

  /** The current count of every source: {@code s2 1520 scholar 1700}, or {@code -}. */
  static String counts(Paper p) {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, Citation> e : p.citations().entrySet()) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(TableWriter.shortSource(e.getKey())).append(' ').append(e.getValue().count());
    }
    return b.length() == 0 ? "-" : b.toString();
  }
}
