package dev.papers.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The digest's Markdown, rendered by a CommonMark library: plain CommonMark, and with GitHub's bare-URL
 * links and strikethrough, must give the same page; no link inside a link; no backslash that one of
 * CommonMark, GitHub and Python-Markdown would print.
 */
class MarkdownDigestTest {
  private final String markdown = DigestFixtures.write(new MarkdownDigestWriter());

  static String commonMark(String md) {
    return HtmlRenderer.builder().build().render(Parser.builder().build().parse(md));
  }

  static String gitHub(String md) {
    List<Extension> ext = List.of(AutolinkExtension.create(), StrikethroughExtension.create());
    return HtmlRenderer.builder().extensions(ext).build().render(Parser.builder().extensions(ext).build().parse(md));
  }

  @Test
  void rendersTheSameWithAndWithoutGitHubsExtensions() {
    assertThat(gitHub(markdown)).isEqualTo(commonMark(markdown));
  }

  @Test
  void noNestedLinksAndTitlesShowAsTheyAre() {
    Document page = Jsoup.parse(commonMark(markdown));
    assertThat(page.select("a a")).isEmpty();
    assertThat(page.select("del, s, script, img, em, strong")).isEmpty();
    String nasty = DigestFixtures.NASTY.replace("\u001b", " ").replaceAll("\\s+", " ").strip();
    Element heading = page.select("h3").stream().filter(h -> h.text().startsWith("<script>")).findFirst().orElseThrow();
    assertThat(heading.text()).isEqualTo(nasty + " [4]");
    // addresses in text are code, not links: the same in every renderer
    assertThat(heading.select("code").eachText()).contains("https://evil.example/x", "www.example.org", "a@b.example");
    assertThat(page.select("a[href^=https://evil]")).isEmpty();
    assertThat(page.select("p").eachText()).contains("Abstract: " + DigestFixtures.NASTY_ABSTRACT);
  }

  @Test
  void sectionsAndANumberedReferenceListAtTheEnd() {
    Document page = Jsoup.parse(commonMark(markdown));
    assertThat(page.select("h2").eachText()).containsExactly("New since 2026-11-15", "Rising since 2026-11-15",
        "The reading list", "References");
    Element refs = page.select("h2").last().nextElementSibling();
    assertThat(refs.tagName()).isEqualTo("ol");
    assertThat(refs.nextElementSibling()).isNull();
    assertThat(refs.select("> li")).hasSize(4);
    assertThat(refs.select("> li > a").eachAttr("href")).containsExactly("https://arxiv.org/abs/2611.00002",
        "https://arxiv.org/abs/2611.00003", "https://arxiv.org/abs/2001.00001", "https://arxiv.org/abs/2001.00004");
    assertThat(refs.select("> li").get(3).text()).startsWith("<script>alert(1)</script>");
    // each paper's heading carries its reference number
    assertThat(page.select("h3").get(0).text()).isEqualTo("Single count [1]");
    assertThat(page.select("h3").stream().filter(h -> h.text().startsWith("1. ")).count()).isEqualTo(1);
  }

  @Test
  void noBackslashThatPythonMarkdownWouldPrint() {
    assertEscapesAreUniversal(markdown);
  }

  /** Every backslash escapes a character CommonMark, GitHub and Python-Markdown all take an escape for. */
  static void assertEscapesAreUniversal(String md) {
    for (int i = 0; i < md.length(); i++) {
      if (md.charAt(i) != '\\') {
        continue;
      }
      assertThat(i + 1).as("a trailing backslash").isLessThan(md.length());
      char next = md.charAt(i + 1);
      assertThat(MarkdownText.ESCAPABLE_EVERYWHERE.indexOf(next))
          .as("backslash before '%s' at %d: %s", next, i, md.substring(Math.max(0, i - 20), Math.min(md.length(), i + 20)))
          .isGreaterThanOrEqualTo(0);
      i++; // an escaped backslash is one pair
    }
  }
}
