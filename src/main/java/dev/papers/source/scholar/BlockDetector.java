package dev.papers.source.scholar;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Recognizes the ways Google Scholar (and Google's "sorry" service in front of it) says "you are
 * blocked", so that a block is reported as one and never mistaken for a page with no results.
 */
public final class BlockDetector {
  /** Elements that only block and captcha pages have, with what each one means. */
  private static final String[][] SELECTORS = {
    {"#gs_captcha_f", "Scholar's captcha form (#gs_captcha_f)"},
    {"#gs_captcha_ccl", "Scholar's captcha page (#gs_captcha_ccl)"},
    {"#recaptcha", "a reCAPTCHA challenge (#recaptcha)"},
    {"#captcha-form", "Google's captcha form (#captcha-form)"},
    {".rc-doscaptcha-body", "a denial-of-service captcha (.rc-doscaptcha-body)"},
    {".g-recaptcha", "a reCAPTCHA challenge (.g-recaptcha)"},
  };

  /** Whether a page blocks, and why; empty for a normal page, with or without results. */
  public Optional<String> detect(int status, String finalUrl, String html) {
    return detect(status, finalUrl, html == null ? null : Jsoup.parse(html));
  }

  Optional<String> detect(int status, String finalUrl, Document doc) {
    if (status == 403) {
      return Optional.of("HTTP 403 (access forbidden)");
    }
    if (finalUrl != null) {
      String path;
      try {
        path = URI.create(finalUrl).getPath();
      } catch (IllegalArgumentException e) {
        path = finalUrl;
      }
      if (path != null && path.startsWith("/sorry/")) {
        return Optional.of("redirected to Google's \"sorry\" page (" + path + ")");
      }
    }
    if (doc == null) {
      return Optional.empty();
    }
    for (String[] s : SELECTORS) {
      if (doc.selectFirst(s[0]) != null) {
        return Optional.of("the page is " + s[1]);
      }
    }
    // Words alone could be a paper's snippet ("detecting unusual traffic"): on a page with results,
    // only Google's own sentence counts.
    boolean hasResults = doc.selectFirst(".gs_r .gs_rt, .gs_ri .gs_rt") != null;
    String text = doc.text().toLowerCase(Locale.ROOT).replace('\u00a0', ' ');
    if (text.contains("our systems have detected unusual traffic")
        || !hasResults && text.contains("unusual traffic")) {
      return Optional.of("the page says Google detected \"unusual traffic\"");
    }
    if (!hasResults && (text.contains("not a robot") || text.contains("i'm not a robot"))) {
      return Optional.of("the page asks to prove \"not a robot\"");
    }
    return Optional.empty();
  }
}
