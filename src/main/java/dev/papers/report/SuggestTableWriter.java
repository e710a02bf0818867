package dev.papers.report;

import dev.papers.rank.RankedPaper;
import dev.papers.rank.VelocityResult;
import dev.papers.suggest.Reason;
import dev.papers.suggest.SuggestResult;
import dev.papers.suggest.Suggestion;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code suggest --format table}: the columns of {@code rank}'s table ({@code #}, citations per year,
 * method, citations, source, year, title, id) plus {@code links}, each row followed by an indented line
 * that says why ("cites 3 of your papers, cited by 2, recommended"). With {@code --explain} that line
 * names the members, and the velocity's numbers follow. Every line fits the width.
 */
public final class SuggestTableWriter implements SuggestWriter {
  private static final String BOLD = "\u001b[1m";
  private static final String DIM = "\u001b[2m";
  private static final String RESET = "\u001b[0m";
  private static final String INDENT = "      ";
  private static final int TITLE = 7;
  private static final int ID = 8;
  private static final int MAX_ID = 32;

  private final ReportOptions options;

  public SuggestTableWriter(ReportOptions options) {
    this.options = options;
  }

  @Override
  public void write(SuggestResult result, PrintWriter out) {
    int width = options.width();
    String date = result.asOf().atZone(ZoneOffset.UTC).toLocalDate().toString();
    String heading = DisplayWidth.clean(result.topic().title()) + " (" + result.topic().name() + "): "
        + count(result.suggestions().size(), "paper") + " to read next, " + result.minLinks() + "+ links to its "
        + count(result.members(), "paper") + ", as of " + date;
    line(out, paint(DisplayWidth.truncate(heading, width), BOLD));
    if (result.suggestions().isEmpty()) {
      line(out, DisplayWidth.truncate(empty(result), width));
      out.flush();
      return;
    }
    String[] header = {"#", "cites/yr", "how", "cites", "src", "links", "year", "title", "id"};
    boolean[] right = {true, true, false, true, false, true, false, false, false};
    List<String[]> rows = new ArrayList<>();
    for (Suggestion s : result.suggestions()) {
      rows.add(cells(s));
    }
    int[] caps = new int[header.length];
    if (width != ReportOptions.UNLIMITED) {
      caps[ID] = MAX_ID; // a pipe or a file gets every id whole
    }
    int[] w = Columns.fit(header, rows, width, caps, TITLE, ID);
    line(out, paint(DisplayWidth.truncate(Columns.render(header, w, right), width), BOLD));
    for (int i = 0; i < rows.size(); i++) {
      Suggestion s = result.suggestions().get(i);
      line(out, DisplayWidth.truncate(Columns.render(rows.get(i), w, right), width));
      String why = options.explain() ? explained(s) : s.phrase();
      for (String l : TableWriter.wrap(why, width, INDENT)) {
        line(out, paint(l, DIM));
      }
      if (options.explain()) {
        for (String l : TableWriter.wrap(SuggestFields.velocityExplanation(s), width, INDENT)) {
          line(out, l);
        }
      }
    }
    out.flush();
  }

  /** Why the list is empty, and what to try. */
  static String empty(SuggestResult r) {
    if (r.members() == 0) {
      return "(the topic has no papers in the cache to suggest from)";
    }
    if (r.candidates() == 0) {
      return "(no paper outside the topic is linked to its papers)";
    }
    return "(" + count(r.candidates(), "paper") + " linked to the topic, none to " + r.minLinks()
        + " of its papers: try --min-links " + Math.max(1, r.minLinks() - 1) + ")";
  }

  static String count(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }

  private static String[] cells(Suggestion s) {
    VelocityResult v = s.velocity();
    return new String[] {
        Integer.toString(s.rank()),
        v == null ? "-" : String.format(Locale.ROOT, "%.1f", v.velocity()),
        v == null ? "" : TableWriter.marker(v),
        v == null ? "-" : Integer.toString(v.count()),
        v == null ? "" : TableWriter.shortSource(v.source()),
        Integer.toString(s.links()),
        s.paper().year() == null ? "" : Integer.toString(s.paper().year()),
        s.paper().title() == null ? "(no title)" : DisplayWidth.clean(s.paper().title()),
        DisplayWidth.clean(RankedPaper.displayId(s.paper()))};
  }

  private static String explained(Suggestion s) {
    List<String> parts = new ArrayList<>();
    for (Reason r : s.reasons()) {
      parts.add(SuggestFields.explained(r));
    }
    return String.join("; ", parts);
  }

  private String paint(String s, String code) {
    return options.color() ? code + s + RESET : s;
  }

  private static void line(PrintWriter out, String s) {
    out.write(s);
    out.write('\n');
  }
}
