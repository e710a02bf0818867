package dev.papers.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownWriterTest {
  @Test
  void numberedLinkedReadingList() {
    String md = ReportFixtures.write(new MarkdownWriter(false));
    List<String> items = md.lines().filter(l -> l.matches("\\d+\\. .*")).toList();
    assertThat(items).hasSize(6);
    for (int i = 0; i < items.size(); i++) {
      assertThat(items.get(i)).startsWith((i + 1) + ". [");
    }
    assertThat(items.get(0)).isEqualTo("1. [TinyBERT: Distilling BERT for Natural Language Understanding]"
        + "(https://arxiv.org/abs/1909.10351), Xiaoqi Jiao, Yichun Yin, Lifeng Shang et al. (2019). "
        + "1520 citations (Semantic Scholar), 417.7/yr (observed); count seen 2026-11-22.");
    assertThat(md).startsWith("## Knowledge distillation: a reading list");
  }

  @Test
  void doiLinksReportedCountsAndApproximation() {
    String md = ReportFixtures.write(new MarkdownWriter(false));
    assertThat(md).contains("](https://doi.org/10.1000/cjk.2021)").contains("~61.0/yr (lifetime)");
    assertThat(md).contains("400 citations (reported, seeds/001\\_7caf8c73364815e7.txt:14)")
        .contains("count seen 2022-09-16 (4 years before this list)");
    // a count within the refresh interval says no age
    assertThat(md).doesNotContain("2026-11-22 (");
  }

  @Test
  void specialCharactersEscapedInTitles() {
    String md = ReportFixtures.write(new MarkdownWriter(false));
    assertThat(md).contains("[=HYPERLINK(\"`http://x`\",\"click\"), 50% of \\{all\\} &amp; more\\_ #1 &#126; ^ \\\\ $]");
    assertThat(MarkdownWriter.escape("a*b_c[d]`e`<f>|g~h&i")).isEqualTo("a\\*b\\_c\\[d\\]\\`e\\`&lt;f&gt;&#124;g&#126;h&amp;i");
  }

  @Test
  void noBackslashBeforeWhatPythonMarkdownDoesNotUnescape() {
    // Python-Markdown unescapes only \ ` * _ { } [ ] ( ) > # + - . ! : a backslash before | < ~ stays visible
    String t = MarkdownText.text("a|b <b>bold</b> ~~strike~~ AT&T");
    assertThat(t).doesNotContain("\\|").doesNotContain("\\<").doesNotContain("\\~")
        .isEqualTo("a&#124;b &lt;b&gt;bold&lt;/b&gt; &#126;&#126;strike&#126;&#126; AT&amp;T");
  }

  @Test
  void aUrlInATitleIsNoLinkInsideTheLink() {
    String t = MarkdownText.linkText("See https://github.com/x/y_z, and www.example.org.");
    assertThat(t).isEqualTo("See `https://github.com/x/y_z`, and `www.example.org`.");
    assertThat(MarkdownText.code("a`b")).isEqualTo("``a`b``");
    assertThat(MarkdownText.url("https://doi.org/10.1000/(a) b")).isEqualTo("https://doi.org/10.1000/%28a%29%20b");
  }

  @Test
  void unrankedListedWithTheFetchCommand() {
    String md = ReportFixtures.write(new MarkdownWriter(false));
    String tail = md.substring(md.indexOf("### Not ranked yet"));
    assertThat(tail).contains("- [+Meta-KD @home](https://arxiv.org/abs/2012.01266), Haojie Pan (2020): "
        + "no citation count yet, `papers fetch 2012.01266`");
    assertThat(tail).contains("- `1503.02531`: not fetched yet, `papers fetch 1503.02531`");
  }

  @Test
  void explainAddsANestedLine() {
    String md = ReportFixtures.write(new MarkdownWriter(true));
    assertThat(md).contains("\n   - observed (semanticScholar): 1520 (2026-11-22) - 1100 (2025-11-20) over 367 d = 417.7/yr\n");
  }
}
