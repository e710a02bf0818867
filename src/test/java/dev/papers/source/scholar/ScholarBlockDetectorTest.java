package dev.papers.source.scholar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.papers.testing.RealFixtures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScholarBlockDetectorTest {
  private static final String URL = "https://scholar.google.com/scholar?q=x&hl=en";
  private final BlockDetector detector = new BlockDetector();

  private static String own(String name) {
    return new String(RealFixtures.resource("scholar/" + name), StandardCharsets.UTF_8);
  }

  @Test
  void realCaptchaPage2018() {
    String html = RealFixtures.text("scholar/scholar_2018_blocked_captcha_sorry_page.html");
    assertThat(detector.detect(200, URL, html)).hasValueSatisfying(r -> assertThat(r).contains("#recaptcha"));
    assertThat(ScholarParser.parse(html, URL).results()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "sorry_recaptcha.html, #recaptcha",
    "gs_captcha.html, #gs_captcha_f",
    "sorry_captcha_form.html, #captcha-form",
    "doscaptcha.html, .rc-doscaptcha-body",
  })
  void ownBlockPages(String page, String says) {
    assertThat(detector.detect(200, URL, own(page))).hasValueSatisfying(r -> assertThat(r).contains(says));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "<div id=\"gs_captcha_f\"></div>|#gs_captcha_f",
    "<div id=\"gs_captcha_ccl\">Please show you're human</div>|#gs_captcha_ccl",
    "<div id=\"recaptcha\"></div>|#recaptcha",
    "<form id=\"captcha-form\"></form>|#captcha-form",
    "<div class=\"rc-doscaptcha-body\"></div>|.rc-doscaptcha-body",
    "<p>We're sorry... but your computer or network may be sending automated queries (unusual traffic).</p>|unusual traffic",
    "<p>Please confirm you are not a robot.</p>|not a robot",
  })
  void everySignatureAlone(String body, String says) {
    String html = "<html><body>" + body + "</body></html>";
    assertThat(detector.detect(200, URL, html)).hasValueSatisfying(r -> assertThat(r).contains(says));
  }

  @Test
  void status403() {
    assertThat(detector.detect(403, URL, "<html><body>Forbidden</body></html>"))
        .hasValueSatisfying(r -> assertThat(r).contains("403"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "https://www.google.com/sorry/index?continue=https://scholar.google.com/scholar%3Fq%3Dx&q=abc",
    "https://scholar.google.com/sorry/index?continue=x",
    "http://127.0.0.1:8080/sorry/image",
  })
  void redirectToSorry(String finalUrl) {
    assertThat(detector.detect(200, finalUrl, "<html></html>")).hasValueSatisfying(r -> assertThat(r).contains("/sorry/"));
  }

  @Test
  void normalPagesAreNotBlocks() {
    assertThat(detector.detect(200, URL, own("no_results.html"))).isEmpty();
    // a result whose snippet speaks of "unusual traffic" and "not a robot" is still a result
    assertThat(own("cited_by_10.html")).contains("unusual traffic").contains("not a robot");
    assertThat(detector.detect(200, URL, own("cited_by_10.html"))).isEmpty();
    assertThat(detector.detect(200, URL, own("best_result.html"))).isEmpty();
    assertThat(detector.detect(200, URL, own("legacy_2012.html"))).isEmpty();
    assertThat(detector.detect(200, "https://scholar.google.com/scholar/sorry/not", "<html></html>")).isEmpty();
  }

  @Test
  void realResultPageIsNotABlock() {
    String html = RealFixtures.text("scholar/scholar_2020_search_results_10_of_about30_geomap.html");
    assertThat(detector.detect(200, URL, html)).isEmpty();
  }
}
