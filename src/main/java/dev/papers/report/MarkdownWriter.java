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
 * seen. Members with no count follow as a bulleted list with the command that would fill them in.
 * Text is escaped by {@link MarkdownText}, so the list renders the same in CommonMark, GitHub and
 * Python-Markdown; a count older than the refresh interval says how old it is.
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
    Instant asOf = result.asOf();
    out.write("Ranked by citation velocity (citations per year), as of " + date
        + (result.since() == null ? "" : ", papers since " + result.since()) + ".\n\n");
    List<RankedPaper> ranked = result.ranked();
    for (RankedPaper e : ranked) {
      out.write(e.rank() + ". " + item(e.paper()) + ". " + counts(e, asOf) + "\n");
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
        String what = e.paper().title() == null ? MarkdownText.code(e.displayId()) : item(e.paper());
        String why = !e.cached() ? "not fetched yet" : e.count() == null ? "no citation count yet"
            : "no date to age its count";
        out.write("- " + what + ": " + why + ", " + MarkdownText.code(e.fetchCommand()) + "\n");
      }
    }
    out.flush();
  }

  /**
   * {@code list --format markdown}: a heading, then one bulleted item per paper (linked title, authors,
   * year, and each source's count with the day it was seen), then the ids not fetched yet.
   */
  static void list(String heading, List<Paper> papers, List<dev.papers.model.PaperId> notCached, Instant now,
      PrintWriter out) {
    out.write("## " + escape(heading) + "\n\n");
    for (Paper p : papers) {
      StringBuilder counts = new StringBuilder();
      for (var c : p.citations().entrySet()) {
        counts.append(counts.length() == 0 ? ". " : "; ").append(Age.plural(c.getValue().count(), "citation"))
            .append(" (").append(sourceName(c.getKey())).append(", seen ").append(date(c.getValue().observedAt()))
            .append(Age.old(c.getValue().observedAt(), now) ? ", " + Age.words(c.getValue().observedAt(), now)
                + " ago" : "").append(')');
      }
      out.write("- " + (p.title() == null ? MarkdownText.code(RankedPaper.displayId(p)) + ": "
          + TableWriter.NO_TITLE : item(p)) + counts + "\n");
    }
    for (dev.papers.model.PaperId id : notCached) {
      String shown = id.withoutVersion().display();
      out.write("- " + MarkdownText.code(shown) + ": not fetched yet, " + MarkdownText.code("papers fetch " + shown)
          + "\n");
    }
    out.flush();
  }

  /** Linked title, authors and year. */
  static String item(Paper p) {
    String title = p.title() == null ? RankedPaper.displayId(p) : p.title();
    String link = link(p);
    String t = link == null ? "**" + escape(title) + "**"
        : "[" + MarkdownText.linkText(title) + "](" + MarkdownText.url(link) + ")";
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

  /**
   * The count, its source, the velocity and the day the count was seen; a count older than the
   * refresh interval also says how old it is at the list's date, so an old count does not pass for
   * today's.
   */
  private static String counts(RankedPaper e, Instant asOf) {
    VelocityResult v = e.velocity();
    String src = sourceName(v.source());
    String prov = e.provenance() == null ? "" : ", " + escape(e.provenance());
    String age = Age.old(v.observedAt(), asOf)
        ? " (" + Age.words(v.observedAt(), asOf) + " before this list)" : "";
    return String.format(Locale.ROOT, "%s (%s%s), %s%.1f/yr (%s); count seen %s%s.",
        Age.plural(v.count(), "citation"), src, prov, v.approximate() ? "~" : "", v.velocity(), v.method(),
        date(v.observedAt()), age);
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

  /** Inline Markdown text, escaped to render the same everywhere (see {@link MarkdownText#text}). */
  public static String escape(String s) {
    return MarkdownText.text(s);
  }

  private static String date(Instant i) {
    return i.atZone(ZoneOffset.UTC).toLocalDate().toString();
  }
}
