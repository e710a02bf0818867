package dev.papers.report;

import dev.papers.digest.Digest;
import dev.papers.digest.DigestEntry;
import dev.papers.digest.FirstSentence;
import dev.papers.digest.Growth;
import dev.papers.model.Paper;
import dev.papers.rank.RankResult;
import dev.papers.rank.RankedPaper;
import dev.papers.rank.VelocityResult;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;

/**
 * One self-contained HTML page ({@code digest --format html}, {@code rank --format html}): inline CSS
 * only, no script, no style sheet, font or image from anywhere (a Content-Security-Policy says so to
 * the browser too); fluid for a phone, with print rules; a chart per paper that has something to draw
 * ({@link SvgChart}). Every text from a source or a document is escaped. Links to the papers' pages
 * are ordinary links: nothing is loaded from them.
 */
public final class HtmlPage {
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  static final String CSS = String.join("\n",
      "*{box-sizing:border-box}",
      "html{-webkit-text-size-adjust:100%;text-size-adjust:100%}",
      "body{margin:0 auto;max-width:52rem;padding:1rem 1.25rem;font:16px/1.5 system-ui,-apple-system,\"Segoe UI\","
          + "Roboto,\"Noto Sans\",sans-serif;color:#1f2328;background:#fff}",
      "h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0}",
      "h2{font-size:1.3rem;border-bottom:2px solid #d0d7de;padding-bottom:.2rem;margin:2rem 0 .8rem}",
      "h3{font-size:1.08rem;line-height:1.35;margin:0 0 .3rem}",
      "h1,h2,h3,p,li{overflow-wrap:break-word}",
      ".lede{color:#57606a;margin:.2rem 0}",
      "nav ul{list-style:none;padding:0;margin:.5rem 0;display:flex;flex-wrap:wrap;gap:.3rem 1.2rem}",
      "article.paper{border:1px solid #d0d7de;border-radius:8px;padding:.8rem 1rem;margin:1rem 0;"
          + "break-inside:avoid;page-break-inside:avoid}",
      "article.paper p{margin:.25rem 0}",
      ".rank{color:#57606a;font-weight:normal}",
      ".ref{font-size:.85rem;font-weight:normal;text-decoration:none}",
      ".byline,.counts,.links{color:#424a53;font-size:.95rem}",
      ".growth{color:#1a7f37;font-weight:600}",
      ".abstract{font-style:italic;color:#24292f}",
      "figure{margin:.6rem 0}",
      "svg.chart{display:block;width:100%;height:auto;max-width:40rem}",
      "a{color:#0550ae}",
      "code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em;overflow-wrap:break-word}",
      "ol.refs li{margin:.2rem 0}",
      ".empty{color:#57606a;font-style:italic}",
      "footer{margin-top:2rem;color:#57606a;font-size:.85rem;border-top:1px solid #d0d7de;padding-top:.5rem}",
      "@media (max-width:32rem){body{padding:.6rem .75rem;font-size:15px}article.paper{padding:.6rem .7rem}"
          + "h1{font-size:1.35rem}}",
      "@media print{body{max-width:none;padding:0;font-size:10.5pt;color:#000}nav{display:none}"
          + "article.paper{border:0;border-top:1px solid #999;border-radius:0;padding:.4rem 0;margin:.4rem 0}"
          + "h2{break-after:avoid;page-break-after:avoid}a{color:#000;text-decoration:none}"
          + ".links a::after{content:\" <\" attr(href) \">\";font-size:.85em}"
          + "svg.chart{max-width:15cm}footer{border:0}}");

  private final boolean explain;
  private final Set<String> described = new HashSet<>();
  private int charts;

  public HtmlPage(boolean explain) {
    this.explain = explain;
  }

  /** The digest as one page. */
  public void write(Digest d, PrintWriter out) {
    String topic = d.topic().title() == null ? d.topic().name() : d.topic().title();
    String since = PaperFacts.day(d.since());
    StringBuilder b = new StringBuilder(32_768);
    head(b, topic + ": digest since " + since);
    b.append("<header>\n<h1>").append(Html.escape(topic)).append(": what is new since ").append(since).append("</h1>\n");
    b.append("<p class=\"lede\">Topic <code>").append(Html.escape(d.topic().name())).append("</code>, from ")
        .append(MINUTE.format(d.since())).append(" to ").append(MINUTE.format(d.asOf()))
        .append(". Counts from the cache; citations per year by citation velocity.</p>\n");
    b.append("<nav aria-label=\"Sections\"><ul><li><a href=\"#new\">New (").append(d.fresh().size())
        .append(")</a></li><li><a href=\"#rising\">Rising (").append(d.rising().size())
        .append(")</a></li><li><a href=\"#reading-list\">Reading list (").append(d.readingList().size())
        .append(")</a></li><li><a href=\"#references\">References</a></li></ul></nav>\n</header>\n<main>\n");
    Map<String, Digest.Reference> refs = d.references();
    section(b, "new", "New since " + since, d.fresh(), refs, d, "Nothing new since " + since + ".");
    section(b, "rising", "Rising since " + since, d.rising(), refs, d,
        "No count grew since " + since + " (a paper needs a count from before then and one after).");
    section(b, "reading-list", "The reading list", d.readingList(), refs, d,
        "No member has a citation count yet.");
    b.append("<section id=\"references\">\n<h2>References</h2>\n<ol class=\"refs\">\n");
    for (Digest.Reference r : refs.values()) {
      Paper p = r.paper();
      String url = Links.first(p);
      b.append("<li id=\"ref-").append(r.number()).append("\">").append(Html.escape(PaperFacts.title(p)));
      if (url != null) {
        b.append(": <a href=\"").append(Html.href(url)).append("\">").append(Html.escape(url)).append("</a>");
      }
      b.append("</li>\n");
    }
    b.append("</ol>\n</section>\n</main>\n");
    foot(b, d.asOf());
    out.write(b.toString());
    out.flush();
  }

  /** A ranking as one page. */
  public void write(RankResult r, PrintWriter out) {
    String topic = r.topic().title() == null ? r.topic().name() : r.topic().title();
    String date = PaperFacts.day(r.asOf());
    StringBuilder b = new StringBuilder(32_768);
    head(b, topic + ": papers you should read, " + date);
    b.append("<header>\n<h1>").append(Html.escape(topic)).append(": papers you should read</h1>\n");
    b.append("<p class=\"lede\">Topic <code>").append(Html.escape(r.topic().name()))
        .append("</code>, ranked by citation velocity (citations per year) as of ").append(date)
        .append(r.since() == null ? "" : ", papers since " + r.since()).append(".</p>\n</header>\n<main>\n");
    List<RankedPaper> ranked = r.ranked();
    b.append("<section id=\"ranked\">\n");
    if (ranked.isEmpty()) {
      b.append("<p class=\"empty\">No member has a citation count yet.</p>\n");
    }
    for (RankedPaper e : ranked) {
      article(b, e.rank(), e.paper(), e.velocity(), null, null, r.asOf(), null, explain ? Fields.explanation(e) : null);
    }
    b.append("</section>\n");
    List<RankedPaper> unranked = r.unranked();
    if (!unranked.isEmpty()) {
      b.append("<section id=\"not-ranked\">\n<h2>Not ranked yet</h2>\n<ul>\n");
      for (RankedPaper e : unranked) {
        String why = !e.cached() ? "not fetched yet" : e.count() == null ? "no citation count yet"
            : "no date to age its count";
        b.append("<li>").append(Html.escape(e.paper().title() == null ? e.displayId() : e.paper().title()))
            .append(": ").append(why).append(", <code>").append(Html.escape(e.fetchCommand())).append("</code></li>\n");
      }
      b.append("</ul>\n</section>\n");
    }
    if (r.omitted() > 0) {
      b.append("<p class=\"empty\">").append(r.omitted()).append(" more not ranked yet (--all lists them).</p>\n");
    }
    b.append("</main>\n");
    foot(b, r.asOf());
    out.write(b.toString());
    out.flush();
  }

  private void section(StringBuilder b, String id, String title, List<DigestEntry> entries,
      Map<String, Digest.Reference> refs, Digest d, String empty) {
    b.append("<section id=\"").append(id).append("\">\n<h2>").append(Html.escape(title)).append("</h2>\n");
    if (entries.isEmpty()) {
      b.append("<p class=\"empty\">").append(Html.escape(empty)).append("</p>\n");
    }
    for (DigestEntry e : entries) {
      article(b, e.rank(), e.paper(), e.velocity(), e.growth(), d.since(), d.asOf(),
          refs.get(e.paper().id()).number(), null);
    }
    b.append("</section>\n");
  }

  private void article(StringBuilder b, Integer rank, Paper p, VelocityResult v, Growth g, Instant since,
      Instant asOf, Integer ref, String explanation) {
    boolean full = described.add(p.id());
    b.append("<article class=\"paper\"");
    if (full && ref != null) {
      b.append(" id=\"paper-").append(ref).append('"');
    }
    b.append(">\n<h3>");
    if (rank != null) {
      b.append("<span class=\"rank\">").append(rank).append(".</span> ");
    }
    b.append("<cite>").append(Html.escape(PaperFacts.title(p))).append("</cite>");
    if (ref != null) {
      b.append(" <a class=\"ref\" href=\"#ref-").append(ref).append("\">[").append(ref).append("]</a>");
    }
    b.append("</h3>\n");
    String by = PaperFacts.byline(p);
    if (full && !by.isEmpty()) {
      b.append("<p class=\"byline\">").append(Html.escape(by)).append("</p>\n");
    }
    if (g != null) {
      b.append("<p class=\"growth\">").append(Html.escape(PaperFacts.growthText(g, since))).append("</p>\n");
    }
    String counts = PaperFacts.countsText(p, asOf);
    String vel = PaperFacts.velocityText(v);
    if (counts != null || vel != null) {
      b.append("<p class=\"counts\">");
      if (counts != null) {
        b.append("Citations: ").append(Html.escape(counts)).append(". ");
      }
      if (vel != null) {
        b.append("Velocity: ").append(Html.escape(vel)).append('.');
      }
      b.append("</p>\n");
    }
    if (explanation != null) {
      b.append("<p class=\"counts\"><small>").append(Html.escape(explanation)).append("</small></p>\n");
    }
    if (!full) {
      b.append("<p class=\"links\"><a href=\"#paper-").append(ref).append("\">Described above</a></p>\n</article>\n");
      return;
    }
    String svg = SvgChart.svg(p, asOf, "chart-" + (++charts));
    if (svg != null) {
      b.append("<figure>").append(svg).append("</figure>\n");
    }
    String first = FirstSentence.of(p.abstractText());
    if (first != null) {
      b.append("<p class=\"abstract\">").append(Html.escape(first)).append("</p>\n");
    }
    Map<String, String> links = Links.of(p);
    if (!links.isEmpty()) {
      b.append("<p class=\"links\">");
      boolean firstLink = true;
      for (Map.Entry<String, String> l : links.entrySet()) {
        if (!firstLink) {
          b.append(" · ");
        }
        firstLink = false;
        b.append("<a href=\"").append(Html.href(l.getValue())).append("\">").append(Html.escape(l.getKey())).append("</a>");
      }
      b.append("</p>\n");
    }
    b.append("</article>\n");
  }

  private static void head(StringBuilder b, String title) {
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
        .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
        .append("<meta name=\"color-scheme\" content=\"light\">\n")
        .append("<title>").append(Html.escape(title)).append("</title>\n<style>\n").append(CSS).append("\n</style>\n")
        .append("</head>\n<body>\n");
  }

  private static void foot(StringBuilder b, Instant asOf) {
    b.append("<footer>Written by papers from its cache, as of ").append(MINUTE.format(asOf))
        .append(". This page loads nothing from the network.</footer>\n</body>\n</html>\n");
  }
}
