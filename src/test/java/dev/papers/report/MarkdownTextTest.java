package dev.papers.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class MarkdownTextTest {
  private static String rendered(String md) {
    String html = MarkdownDigestTest.commonMark(md);
    assertThat(MarkdownDigestTest.gitHub(md)).as("GitHub renders it the same").isEqualTo(html);
    MarkdownDigestTest.assertEscapesAreUniversal(md);
    return Jsoup.parse(html).body().text();
  }

  @Test
  void escapesWithBackslashesOnlyWhereEveryRendererReadsThem() {
    assertThat(MarkdownText.inline("TinyBERT: Distilling BERT (2019) - fast!")).isEqualTo(
        "TinyBERT: Distilling BERT (2019) - fast!");
    assertThat(MarkdownText.inline("_init_ *x* [1]")).isEqualTo("\\_init\\_ \\*x\\* \\[1\\]");
    assertThat(MarkdownText.inline("~~no~~ <div>")).isEqualTo("&#126;&#126;no&#126;&#126; &lt;div&gt;");
    assertThat(MarkdownText.inline("see https://x.org/a_b. or me@x.org")).isEqualTo("see `https://x.org/a_b`. or `me@x.org`");
    assertThat(MarkdownText.heading("C# and F#")).isEqualTo("C\\# and F\\#");
    assertThat(MarkdownText.lineStart("2019. A year")).isEqualTo("2019\\. A year");
  }

  @Test
  void everyTroublesomeTitleRendersAsItsText() {
    String[] titles = {
        "Attention Is All You Need", "BERT: [pre-training] of *deep* _bidirectional_ transformers",
        "Code at https://github.com/x/y_z (and www.example.com)", "C:\\Users\\me & <b>bold</b> &copy; &#169;",
        "~~struck~~ ~tilde~ `ticks` | pipes | # hash !not-an-image", "{curly} braces and 100% * stars",
        "mail me: someone@example.org", "知识蒸馏 — «quotes» ‘single’",
    };
    for (String t : titles) {
      assertThat(rendered("### " + MarkdownText.heading(t) + "\n")).as(t).isEqualTo(t);
      assertThat(rendered("Title: " + MarkdownText.inline(t) + "\n")).as(t).isEqualTo("Title: " + t);
      assertThat(rendered(MarkdownText.link(t, "https://arxiv.org/abs/1706.03762") + "\n")).as(t).isEqualTo(t);
    }
  }

  @Test
  void textAtALinesStartStartsNoBlock() {
    String[] starts = {"# not a heading", "> not a quote", "- not a list", "+ neither", "1. not numbered",
        "2019) a year", "= not a setext underline"};
    for (String s : starts) {
      String md = "1. " + MarkdownText.lineStart(s) + "\n";
      String html = MarkdownDigestTest.commonMark(md);
      assertThat(Jsoup.parse(html).select("ol > li").text()).as(s).isEqualTo(s);
      assertThat(Jsoup.parse(html).select("ol ol, ol ul, ol h1, ol blockquote")).as(s).isEmpty();
      MarkdownDigestTest.assertEscapesAreUniversal(md);
    }
  }

  @Test
  void addressesAreSafeInsideLinks() {
    String doi = "https://doi.org/10.1002/(SICI)1097-4636(199602)30:2<151::AID-JBM2>3.0.CO;2-R";
    String md = MarkdownText.link("DOI", doi) + " " + MarkdownText.autolink(doi) + "\n";
    var links = Jsoup.parse(MarkdownDigestTest.commonMark(md)).select("a");
    assertThat(links).hasSize(2);
    assertThat(links.eachAttr("href")).allMatch(h -> h.equals(
        "https://doi.org/10.1002/%28SICI%291097-4636%28199602%2930:2%3C151::AID-JBM2%3E3.0.CO;2-R"));
  }
}
