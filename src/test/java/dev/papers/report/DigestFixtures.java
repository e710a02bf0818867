package dev.papers.report;

import dev.papers.digest.Digest;
import dev.papers.digest.DigestPapers;
import dev.papers.digest.Digester;
import dev.papers.model.Paper;
import dev.papers.model.SourceRecord;
import dev.papers.rank.RankOptions;
import dev.papers.rank.RankResult;
import dev.papers.rank.Ranker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** A digest with every kind of paper the pages draw, and titles that try to break out of their markup. */
final class DigestFixtures {
  /** Markup, a URL, Markdown syntax, an entity, a backslash, a control character. */
  static final String NASTY = "<script>alert(1)</script> \"><img src=x onerror=alert(2)> [see](https://evil.example/x)"
      + " *bold* _it_ ~~gone~~ &amp; C:\\path `code` # 1. www.example.org a@b.example \u001b[31m";
  static final String NASTY_ABSTRACT = "Shown <b>raw</b> & never run.";

  private DigestFixtures() {}

  /** A histogram from two sources and a history: a chart with bars and lines. */
  static Paper charted() {
    return DigestPapers.arxiv("2001.00001", "2025-01-01", "2020-01-01", "Charted: bars and lines")
        .s2(100, "2026-11-01").s2(130, "2026-11-20").obs("openAlex", 90, "2026-11-02").obs("openAlex", 120, "2026-11-21")
        .histogram("semanticScholar", "2023-12-20", 2020, 5, 2021, 30, 2023, 40)
        .histogram("openAlex", "2023-12-21", 2021, 25, 2022, 33, 2023, 38)
        .build();
  }

  /** New, one count: no chart. */
  static Paper single() {
    return DigestPapers.arxiv("2611.00002", "2026-11-18", "2026-11-10", "Single count").s2(4, "2026-11-18").build();
  }

  /** A histogram only (from a source the page has never heard of). */
  static Paper histogramOnly() {
    return DigestPapers.arxiv("2611.00003", "2026-11-19", "2024-02-01", "Histogram only")
        .histogram("someIndex", "2026-11-19", 2024, 3, 2025, 9).obs("someIndex", 12, "2026-11-19").build();
  }

  /** The nasty title and abstract, two counts: a line chart. */
  static Paper nasty() {
    return DigestPapers.arxiv("2001.00004", "2025-01-01", "2020-01-01", "x")
        .meta(SourceRecord.builder("arxiv").title(NASTY).abstractText(NASTY_ABSTRACT + " Second.").build())
        .s2(10, "2026-11-01").s2(20, "2026-11-21").build();
  }

  static List<Paper> papers() {
    return List.of(charted(), single(), histogramOnly(), nasty());
  }

  static Digest digest() {
    return Digester.digest(DigestPapers.topic(), papers(), DigestPapers.SINCE, DigestPapers.NOW, 10);
  }

  static RankResult ranking() {
    return Ranker.rank(DigestPapers.topic(), papers(), new RankOptions(null, null, DigestPapers.NOW));
  }

  static String write(DigestWriter w) {
    StringWriter s = new StringWriter();
    w.write(digest(), new PrintWriter(s));
    return s.toString();
  }

  static String html() {
    return write(DigestFormat.HTML.writer());
  }

  static String rankHtml() {
    StringWriter s = new StringWriter();
    new HtmlRankWriter(false).write(ranking(), new PrintWriter(s));
    return s.toString();
  }
}
