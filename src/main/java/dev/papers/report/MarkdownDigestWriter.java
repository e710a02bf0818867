package dev.papers.report;

import static dev.papers.report.MarkdownText.heading;
import static dev.papers.report.MarkdownText.inline;

import dev.papers.digest.Digest;
import dev.papers.digest.DigestEntry;
import dev.papers.digest.FirstSentence;
import dev.papers.digest.SourceOrder;
import dev.papers.model.Histogram;
import dev.papers.model.Paper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code digest --format markdown}: the newsletter, to paste into a blog. A heading per section, a
 * block per paper (title and its reference number, byline, growth, counts and velocity, citations
 * per year, links, the abstract's first sentence), and a numbered reference list at the end. It
 * renders the same in CommonMark, GitHub and Python-Markdown (see {@link MarkdownText}): blocks are
 * separated by blank lines, no list is nested, no text starts a line unescaped.
 */
public final class MarkdownDigestWriter implements DigestWriter {
  @Override
  public void write(Digest d, PrintWriter out) {
    String topic = d.topic().title() == null ? d.topic().name() : d.topic().title();
    String since = PaperFacts.day(d.since());
    StringBuilder b = new StringBuilder(8192);
    b.append("# ").append(heading(topic)).append(": what is new since ").append(since).append("\n\n");
    b.append("From ").append(since).append(" to ").append(PaperFacts.day(d.asOf())).append(": ")
        .append(d.fresh().size()).append(" new, ").append(d.rising().size()).append(" rising, and the reading list's first ")
        .append(d.readingList().size()).append(". Counts from the cache of `papers`; velocity is citations per year.\n\n");
    Map<String, Digest.Reference> refs = d.references();
    Set<String> described = new HashSet<>();
    section(b, "New since " + since, d.fresh(), refs, d, "Nothing new since " + since + ".", described);
    section(b, "Rising since " + since, d.rising(), refs, d, "No count grew since " + since + ".", described);
    section(b, "The reading list", d.readingList(), refs, d, "No member has a citation count yet.", described);
    b.append("## References\n\n");
    if (refs.isEmpty()) {
      b.append("None.\n");
    }
    for (Digest.Reference r : refs.values()) {
      String url = Links.first(r.paper());
      b.append(r.number()).append(". ").append(MarkdownText.lineStart(PaperFacts.title(r.paper())));
      if (url != null) {
        b.append(": ").append(MarkdownText.autolink(url));
      }
      b.append('\n');
    }
    out.write(b.toString());
    out.flush();
  }

  private static void section(StringBuilder b, String title, List<DigestEntry> entries,
      Map<String, Digest.Reference> refs, Digest d, String empty, Set<String> described) {
    b.append("## ").append(heading(title)).append("\n\n");
    if (entries.isEmpty()) {
      b.append(empty).append("\n\n");
    }
    for (DigestEntry e : entries) {
      paper(b, e, refs.get(e.paper().id()).number(), d, described.add(e.paper().id()));
    }
  }

  /** A paper's block; {@code full} on its first mention, else only what this section adds. */
  private static void paper(StringBuilder b, DigestEntry e, int ref, Digest d, boolean full) {
    Paper p = e.paper();
    b.append("### ");
    if (e.rank() != null) {
      b.append(e.rank()).append(". ");
    }
    b.append(heading(PaperFacts.title(p))).append(" \\[").append(ref).append("\\]\n\n");
    String by = PaperFacts.byline(p);
    if (full && !by.isEmpty()) {
      b.append("By ").append(inline(by)).append("\n\n");
    }
    if (e.growth() != null) {
      b.append("Growth: ").append(inline(PaperFacts.growthText(e.growth(), d.since()))).append("\n\n");
    }
    String counts = PaperFacts.countsText(p, d.asOf());
    String vel = PaperFacts.velocityText(e.velocity());
    if (counts != null || vel != null) {
      b.append("Citations: ").append(counts == null ? "none yet" : inline(counts));
      if (vel != null) {
        b.append("; velocity ").append(inline(vel));
      }
      b.append("\n\n");
    }
    if (!full) {
      return;
    }
    for (String source : SourceOrder.sorted(p.histograms().keySet())) {
      Histogram h = p.histograms().get(source);
      if (h.madeAt().isAfter(d.asOf()) || h.byYear().isEmpty()) {
        continue;
      }
      List<String> parts = new ArrayList<>();
      Sparkline.years(h).forEach((y, n) -> parts.add(y + ": " + n));
      b.append("Citations per year (").append(inline(SourceOrder.displayName(source))).append("): ")
          .append(String.join(", ", parts)).append("\n\n");
    }
    Map<String, String> links = Links.of(p);
    if (!links.isEmpty()) {
      List<String> ls = new ArrayList<>();
      links.forEach((label, url) -> ls.add(MarkdownText.link(label, url)));
      b.append("Links: ").append(String.join(" · ", ls)).append("\n\n");
    }
    String first = FirstSentence.of(p.abstractText());
    if (first != null) {
      b.append("Abstract: ").append(inline(first)).append("\n\n");
    }
  }
}
