package dev.papers.report;

import dev.papers.rank.VelocityResult;
import dev.papers.suggest.Reason;
import dev.papers.suggest.SuggestResult;
import dev.papers.suggest.Suggestion;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * {@code suggest --format markdown}: a heading, then a numbered list as {@code rank} writes it (linked
 * title, authors, year, velocity with its method and source) with, on each item, why ("cites 3 of your
 * papers, cited by 2, recommended"). With {@code --explain}, a sub-item per reason names the members,
 * and one gives the velocity's numbers.
 */
public final class SuggestMarkdownWriter implements SuggestWriter {
  private final boolean explain;

  public SuggestMarkdownWriter(boolean explain) {
    this.explain = explain;
  }

  @Override
  public void write(SuggestResult result, PrintWriter out) {
    String date = result.asOf().atZone(ZoneOffset.UTC).toLocalDate().toString();
    out.write("## " + MarkdownWriter.escape(result.topic().title()) + ": papers to read next\n\n");
    out.write("Papers linked to at least " + result.minLinks() + " of the topic's " + result.members()
        + " papers (they cite them, are cited by them, or are recommended from them by Semantic Scholar),"
        + " ranked by citation velocity, as of " + date + ".\n\n");
    for (Suggestion s : result.suggestions()) {
      out.write(s.rank() + ". " + MarkdownWriter.item(s.paper()) + ". " + velocity(s.velocity()) + "; "
          + MarkdownWriter.escape(s.phrase()) + ".\n");
      if (explain) {
        for (Reason r : s.reasons()) {
          out.write("   - " + MarkdownWriter.escape(SuggestFields.explained(r)) + "\n");
        }
        out.write("   - " + MarkdownWriter.escape(SuggestFields.velocityExplanation(s)) + "\n");
      }
    }
    if (result.suggestions().isEmpty()) {
      out.write("_" + MarkdownWriter.escape(SuggestTableWriter.empty(result)) + "_\n");
    }
    out.flush();
  }

  private static String velocity(VelocityResult v) {
    if (v == null) {
      return "No citation count yet";
    }
    return String.format(Locale.ROOT, "%s%.1f citations/yr (%s, %s), %d citations", v.approximate() ? "~" : "",
        v.velocity(), v.method(), SuggestFields.sourceName(v.source()), v.count());
  }
}
