package dev.papers.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.papers.digest.DigestPapers;
import java.util.HashSet;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

class HtmlPageTest {
  private final Document digest = Jsoup.parse(DigestFixtures.html());
  private final Document rank = Jsoup.parse(DigestFixtures.rankHtml());

  @Test
  void oneChartPerPaperThatHasAHistogramOrTwoCounts() {
    // charted, histogramOnly and nasty are eligible; single (one count, no histogram) is not
    assertThat(digest.select("svg.chart")).hasSize(3);
    Set<String> chartedTitles = new HashSet<>();
    for (Element article : digest.select("article.paper")) {
      String title = article.selectFirst("cite").text();
      Elements svgs = article.select("svg.chart");
      assertThat(svgs).hasSizeLessThanOrEqualTo(1);
      if (!svgs.isEmpty()) {
        assertThat(chartedTitles.add(title)).as("one chart per paper, not per mention: " + title).isTrue();
      }
      if (title.equals("Single count")) {
        assertThat(svgs).isEmpty();
      }
    }
    assertThat(chartedTitles).contains("Charted: bars and lines", "Histogram only");
    assertThat(rank.select("svg.chart")).hasSize(3);
    assertThat(rank.select("article.paper")).hasSize(4);
  }

  @Test
  void barsPerYearAndSourceAndALinePerSource() {
    Element chart = chartOf(digest, "Charted: bars and lines");
    // 2020..2023 (2022 filled in as 0 for Semantic Scholar), two sources: 8 bars
    assertThat(chart.select("rect > title")).hasSize(8);
    assertThat(chart.select("polyline")).hasSize(2);
    assertThat(chart.select("circle")).hasSize(4);
    Element histogramOnly = chartOf(digest, "Histogram only");
    assertThat(histogramOnly.select("polyline")).isEmpty(); // one count: no history to draw
    // 2024, 2025 and the year it was made, 2026, which it does not list: 0
    assertThat(histogramOnly.select("rect > title").eachText()).containsExactly("2024, someIndex: 3", "2025, someIndex: 9",
        "2026, someIndex: 0");
  }

  @Test
  void everyChartSaysInWordsWhatItShows() {
    for (Element svg : digest.select("svg.chart")) {
      assertThat(svg.attr("role")).isEqualTo("img");
      String label = svg.attr("aria-label");
      assertThat(label).startsWith("Citations of ");
      assertThat(svg.selectFirst("> title").text()).isEqualTo(label);
    }
    String words = chartOf(digest, "Charted: bars and lines").attr("aria-label");
    assertThat(words).contains("Citations per year, Semantic Scholar: 2020: 5, 2021: 30, 2022: 0, 2023: 40.")
        .contains("Citations per year, OpenAlex: 2021: 25, 2022: 33, 2023: 38.")
        .contains("Semantic Scholar from 100 on 2026-11-01 to 130 on 2026-11-20 (2 counts)")
        .contains("OpenAlex from 90 on 2026-11-02 to 120 on 2026-11-21");
    // the source order is rank's: Semantic Scholar before OpenAlex
    assertThat(words.indexOf("Semantic Scholar:")).isLessThan(words.indexOf("OpenAlex:"));
  }

  @Test
  void nothingIsLoadedFromAnywhere() {
    for (Document d : new Document[] {digest, rank}) {
      assertThat(d.select("script, iframe, object, embed, img, image, video, audio, source, use, link")).isEmpty();
      for (Element e : d.getAllElements()) {
        for (Attribute a : e.attributes()) {
          String name = a.getKey().toLowerCase();
          assertThat(name).as("attribute on <%s>", e.tagName()).doesNotStartWith("on").isNotEqualTo("src")
              .isNotEqualTo("srcset").isNotEqualTo("xlink:href").isNotEqualTo("background").isNotEqualTo("poster");
          if (name.equals("href")) {
            assertThat(e.tagName()).as("only links navigate; nothing else names an address").isEqualTo("a");
          }
          assertThat(a.getValue().toLowerCase()).doesNotContain("javascript:");
        }
      }
      String css = d.select("style").html();
      assertThat(css).doesNotContain("url(").doesNotContain("@import").doesNotContain("@font-face");
      assertThat(d.select("meta[http-equiv=Content-Security-Policy]").attr("content")).contains("default-src 'none'");
    }
  }

  @Test
  void readableOnAPhoneAndPrintable() {
    assertThat(digest.select("meta[name=viewport]").attr("content")).contains("width=device-width");
    assertThat(digest.selectFirst("meta[charset]").attr("charset")).isEqualToIgnoringCase("utf-8");
    String css = digest.select("style").html();
    assertThat(css).contains("@media print").contains("@media (max-width:").contains("max-width:52rem");
    assertThat(css).contains("svg.chart{display:block;width:100%;height:auto");
    for (Element svg : digest.select("svg.chart")) {
      assertThat(svg.attr("viewBox")).matches("0 0 640 \\d+");
    }
  }

  @Test
  void everyTextFromASourceIsEscaped() {
    String html = DigestFixtures.html();
    assertThat(html).doesNotContain("<script>").doesNotContain("<img").doesNotContain("<b>raw");
    assertThat(digest.select("[onerror]")).isEmpty();
    Element cite = digest.select("cite").stream()
        .filter(c -> c.text().startsWith("<script>")).findFirst().orElseThrow();
    // the title shows as the text it is (the control character as a space)
    assertThat(cite.text()).isEqualTo(DigestFixtures.NASTY.replace("\u001b", " ").replaceAll("\\s+", " ").strip());
    assertThat(digest.select("p.abstract").eachText()).contains(DigestFixtures.NASTY_ABSTRACT);
    assertThat(digest.select("a[href^=https://evil]")).isEmpty();
    // the chart's words, in attributes, too
    assertThat(chartOf(digest, cite.text()).attr("aria-label")).contains("<script>alert(1)</script>");
  }

  @Test
  void sectionsReferencesAndLinks() {
    assertThat(digest.select("section#new article.paper")).hasSize(2);
    assertThat(digest.select("section#rising article.paper")).hasSize(2);
    assertThat(digest.select("section#reading-list article.paper")).hasSize(4);
    assertThat(digest.select("ol.refs > li")).hasSize(4);
    assertThat(digest.select("ol.refs > li a").eachAttr("href")).allMatch(h -> h.startsWith("https://arxiv.org/abs/"));
    Element charted = digest.select("article.paper").stream()
        .filter(a -> a.selectFirst("cite").text().startsWith("Charted")).findFirst().orElseThrow();
    assertThat(charted.select("p.growth").text()).startsWith("+30 since 2026-11-15 (Semantic Scholar: 100");
    assertThat(charted.select("p.links a").eachText()).containsExactly("arXiv");
    assertThat(DigestPapers.TOPIC).isEqualTo("kd");
  }

  private static Element chartOf(Document d, String title) {
    for (Element article : d.select("article.paper")) {
      if (article.selectFirst("cite").text().equals(title) && article.selectFirst("svg.chart") != null) {
        return article.selectFirst("svg.chart");
      }
    }
    throw new AssertionError("no chart for " + title);
  }
}
