package dev.papers.report;

import dev.papers.model.Paper;
import dev.papers.model.Source;
import dev.papers.rank.RankResult;
import dev.papers.rank.RankedPaper;
import dev.papers.rank.VelocityResult;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * {@code rank --format markdown}: a reading list a blog can paste. A heading, then a numbered list:
 * linked title (arXiv abstract page, else {@code https://doi.org/DOI}), authors (the first three, then
 * "et al."), year, count with its source, velocity with its method, and the date the count was
 * observed. Members with no count follow as a bulleted list with the command that would fill them in.
 * Markdown's special characters in titles and names are escaped.
 */
public final class MarkdownWriter implements RankWriter {
  private final boolean explain;

  public MarkdownWriter(boolean explain) {
    this.explain = explain;
  }

  @Override
  public void write(RankResult result, PrintWriter out) {
    String date = date(result.asOf());
    out.write("## " + escape(result.topic().title()) + ": a reading list\n\n");
    out.write("Ranked by citation velocity (citations per year), as of " + date
        + (result.since() == null ? "" : ", papers since " + result.since()) + ".\n\n");
    List<RankedPaper> ranked = result.ranked();
    for (RankedPaper e : ranked) {
      out.write(e.rank() + ". " + item(e.paper()) + ". " + counts(e) + "\n");
      if (explain) {
        out.write("   - " + escape(Fields.explanation(e)) + "\n");
      }
    }
    if (ranked.isEmpty()) {
      out.write("_No member has a citation count yet._\n");
    }
    List<RankedPaper> unranked = result.unranked();
    if (!unranked.isEmpty()) {
      out.write("\n### Not ranked yet\n\n");
      for (RankedPaper e : unranked) {
        String what = e.paper().title() == null ? "`" + e.displayId() + "`" : item(e.paper());
        String why = !e.cached() ? "not fetched yet" : e.count() == null ? "no citation count yet"
            : "no date to age its count";
        out.write("- " + what + ": " + why + ", `" + e.fetchCommand() + "`\n");
      }
    }
    out.flush();
  }

  /** Linked title, authors and year. */
  static String item(Paper p) {
    String title = p.title() == null ? RankedPaper.displayId(p) : p.title();
    String link = link(p);
    String t = link == null ? "**" + escape(title) + "**" : "[" + escape(title) + "](" + link + ")";
    StringBuilder b = new StringBuilder(t);
    String authors = authors(p.authors());
    if (!authors.isEmpty()) {
      b.append(", ").append(escape(authors));
    }
    if (p.year() != null) {
      b.append(" (").append(p.year()).append(')');
    }
    return b.toString();
  }

  private static String counts(RankedPaper e) {
    VelocityResult v = e.velocity();
    String src = sourceName(v.source());
    String prov = e.provenance() == null ? "" : ", " + escape(e.provenance());
    return String.format(Locale.ROOT, "%d citations (%s%s), %s%.1f/yr (%s); counts observed %s.",
        v.count(), src, prov, v.approximate() ? "~" : "", v.velocity(), v.method(), date(v.observedAt()));
  }

  /** "Semantic Scholar", "Google Scholar", "reported", ... */
  static String sourceName(String source) {
    if (Source.SEMANTIC_SCHOLAR.jsonName().equals(source)) {
      return "Semantic Scholar";
    }
    if (Source.SCHOLAR.jsonName().equals(source)) {
      return "Google Scholar";
    }
    return escape(source);
  }

  /** The arXiv abstract page, else the DOI's resolver address, else null. */
  public static String link(Paper p) {
    if (p.arxivId() != null) {
      return "https://arxiv.org/abs/" + p.arxivId();
    }
    if (p.doi() != null) {
      return "https://doi.org/" + p.doi().replace("(", "%28").replace(")", "%29").replace(" ", "%20");
    }
    return null;
  }

  /** The first three names, then "et al.". */
  static String authors(List<String> names) {
    if (names.isEmpty()) {
      return "";
    }
    if (names.size() <= 3) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, 3)) + " et al.";
  }

  /**
   * A backslash before every character Markdown could take as inline syntax ({@code \ ` * _ { } [ ]
   * < > | ~}); control characters as spaces. Text never starts a line here, so line-start syntax
   * ({@code #}, {@code -}, {@code 1.}) needs no escape.
   */
  public static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : DisplayWidth.clean(s).toCharArray()) {
      if ("\\`*_{}[]<>|~".indexOf(c) >= 0) {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  private static String date(Instant i) {
    return i.atZone(ZoneOffset.UTC).toLocalDate().toString();
  }
}
